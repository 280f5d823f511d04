//! One colour legend for the status groups, a symbol beside each colour so that no meaning
//! rests on colour alone (and `NO_COLOR` loses nothing).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::i18n::Lang;
use super::theme::Theme;
use crate::domain::groups::Group;

/// The colour of a status group, from the theme's roles.
pub fn group_style(theme: &Theme, g: Group) -> Style {
    match g {
        Group::DoneOnTime => theme.done(),
        Group::DoneLate | Group::DueSoon => theme.warning(),
        Group::DoneUndated => theme.done(),
        Group::OpenOnTime => theme.in_progress(),
        Group::Overdue => theme.overdue(),
        Group::Recurring | Group::NoStatus | Group::NoDeadline => theme.muted(),
    }
}

/// The symbol of a group, in its colour, followed by its name.
pub fn group_span(theme: &Theme, g: Group, lang: Lang) -> Vec<Span<'static>> {
    vec![
        Span::styled(format!("{:<2}", g.symbol()), group_style(theme, g)),
        Span::styled(
            format!(" {}", g.label(lang == Lang::Vi)),
            group_style(theme, g),
        ),
    ]
}

/// The legend as the help shows it, wrapped to `width`: a title, every group on its own line
/// with what it counts, then how the done groups differ from the `status:done` filter (the
/// chair reads both aloud, and their sums differ).
pub fn legend_lines(theme: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let vi = lang == Lang::Vi;
    let wrap = super::views::wrap_words;
    let mut out: Vec<Line<'static>> = wrap(
        if vi {
            "Nhóm tình trạng (tính đến ngày số liệu; mỗi nhiệm vụ ở đúng một nhóm; tỉ lệ quá hạn = quá hạn / số đã đến hạn)"
        } else {
            "Status groups (at the as-of date; every task in exactly one group; overdue rate = overdue / tasks already due)"
        },
        width,
    )
    .into_iter()
    .map(|l| Line::from(Span::styled(l, theme.title())))
    .collect();
    for g in Group::ALL {
        // "  ✓  Hoàn thành đúng hạn: đã xong; …", the meaning wrapped under the label.
        let lead = format!("  {:<2} ", g.symbol());
        let indent = lead.width();
        let text = format!("{}: {}", g.label(vi), g.meaning(vi));
        for (k, l) in wrap(&text, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let head = if k == 0 {
                Span::styled(lead.clone(), group_style(theme, g))
            } else {
                Span::raw(" ".repeat(indent))
            };
            out.push(Line::from(vec![
                head,
                Span::styled(l, group_style(theme, g)),
            ]));
        }
    }
    let done = Group::ALL
        .iter()
        .filter(|g| g.is_done())
        .map(|g| g.symbol())
        .collect::<Vec<_>>()
        .join(" ");
    let recurring = Group::Recurring.symbol();
    let note = if vi {
        format!(
            "Số đã xong: các nhóm {done} cộng lại là số nhiệm vụ đã xong, trừ việc thường xuyên đã xong (tính ở nhóm {recurring}). Bộ lọc status:done đếm mọi nhiệm vụ báo cáo ghi đã xong, kể cả việc thường xuyên, nên có thể lớn hơn; is:done đếm thêm nhiệm vụ được quyết định là xong (các nhóm {done} cũng tính những nhiệm vụ này)."
        )
    } else {
        format!(
            "Done counts: groups {done} add up to the tasks done, apart from standing duties reported done (counted in {recurring}). The filter status:done counts every task a report says is done, standing duties included, so it can be larger; is:done also counts tasks closed by a decision (which groups {done} count too)."
        )
    };
    out.extend(
        wrap(&note, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.muted()))),
    );
    out
}
