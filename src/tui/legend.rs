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

/// The legend as the help shows it: a title, then every group on its own line.
pub fn legend_lines(theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let vi = lang == Lang::Vi;
    let mut out = vec![Line::from(Span::styled(
        if vi {
            "Nhóm tình trạng (tính đến ngày số liệu; sắp đến hạn: trong 7 ngày; tỉ lệ quá hạn = quá hạn / số đã đến hạn)"
        } else {
            "Status groups (at the as-of date; due soon: within 7 days; overdue rate = overdue / tasks already due)"
        },
        theme.title(),
    ))];
    for g in Group::ALL {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(group_span(theme, g, lang));
        out.push(Line::from(spans));
    }
    out
}
