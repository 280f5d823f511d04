//! The conclusions notice (thông báo kết luận, form 1.4 of Appendix III of Nghị định
//! 30/2020/NĐ-CP) of a meeting, built from the decisions recorded on its day: the issuing
//! body and the national emblem lines, number, place and date, title, an opening paragraph
//! naming the meeting, the conclusions grouped by responsible unit as full sentences each
//! with its deadline, recipients and signature, and an appendix of sources. No internal id
//! or file line appears in it. `text.rs` writes it as Markdown or plain text; the docx is
//! written by `office::docx`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::record::Field;
pub use super::record::Lang;
use super::state::Decisions;
use crate::snapshot::Snapshot;
use crate::text::fold;

mod items;
mod record;
pub use record::build_record;
mod text;
use items::{item_of, units_of};
pub use text::render_notice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Md,
    Txt,
    Docx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "txt" | "text" => Some(Format::Txt),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Docx => "docx",
        }
    }
}

/// What the chair's office fills in once (`$XDG_CONFIG_HOME/giaoban/notice.ron`). Whatever
/// is missing shows as a placeholder in brackets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoticeConfig {
    /// The body above the issuer ("BỘ CÔNG AN"); none when the issuer has none.
    pub issuer_parent: Option<String>,
    /// The issuing body ("TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06").
    pub issuer: Option<String>,
    /// The symbol after TB- in the number ("TCT" gives "Số:     /TB-TCT").
    pub symbol: Option<String>,
    /// The number itself when known (usually written in by the clerk).
    pub number: Option<String>,
    /// Where it is issued ("Hà Nội").
    pub place: Option<String>,
    /// The meeting's name after "cuộc họp giao ban" ("Tổ công tác triển khai Đề án 06").
    pub meeting: Option<String>,
    /// Who concludes, by title ("Tổ trưởng Tổ công tác").
    pub chair: Option<String>,
    pub chair_name: Option<String>,
    /// Who usually attends, when the meeting record does not say.
    pub participants: Option<String>,
    /// Where the meeting is held, when the meeting record does not say.
    pub venue: Option<String>,
    /// "TM. TỔ CÔNG TÁC", "KT. TỔ TRƯỞNG" (empty when the head signs in their own name).
    pub authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer_name: Option<String>,
    /// Who writes the minutes (biên bản) of the meeting.
    pub secretary: Option<String>,
    /// Recipients besides the units named in the notice.
    pub recipients: Vec<String>,
    /// After "Lưu: VT," ("TCT").
    pub archive: Option<String>,
}

/// What the meeting record says of a meeting (when the journal has one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingInfo {
    pub date: Option<NaiveDate>,
    pub chair: Option<String>,
    pub participants: Vec<String>,
    pub place: Option<String>,
    pub started: Option<chrono::NaiveDateTime>,
    pub ended: Option<chrono::NaiveDateTime>,
}

/// One responsible unit's conclusions.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeGroup {
    pub unit: String,
    /// Full sentences, each with its deadline.
    pub items: Vec<String>,
}

/// The notice, block by block, in the order of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub issuer_parent: Option<String>,
    pub issuer: String,
    pub number: String,
    pub nation: String,
    pub motto: String,
    pub place_date: String,
    pub title: String,
    pub subtitle: String,
    pub opening: Vec<String>,
    pub groups: Vec<NoticeGroup>,
    pub closing: String,
    pub recipients_label: String,
    pub recipients: Vec<String>,
    pub authority: String,
    pub signer_title: String,
    pub signer_name: String,
    /// A second signature at the left, in place of the recipients (the minutes' secretary).
    pub left_signature: Option<(String, String)>,
    /// Appendix: heading, column names, and (number in the notice, item, source) rows.
    pub appendix_title: String,
    pub appendix_columns: [String; 3],
    pub appendix: Vec<[String; 3]>,
    /// The meeting's day, for the file name.
    pub day: Option<NaiveDate>,
}

/// An item in the notice: (tasks before blockers, index, sentence, subject, source).
type ItemText = (u8, usize, String, String, String);

/// The day a notice is dated: the day of the latest decision it reports.
pub fn notice_date(decisions: &Decisions, since: Option<NaiveDate>) -> Option<NaiveDate> {
    decisions
        .iter()
        .flat_map(|(_, d)| d.history.iter())
        .filter(|h| h.change.field() != Field::Agenda)
        .map(|h| h.at.date_naive())
        .filter(|d| since.is_none_or(|s| *d >= s))
        .max()
}

/// The notice of the decisions recorded from `since` (by default: on the last meeting's day
/// only) as Markdown or plain text, with placeholders where no configuration says.
pub fn render(
    snapshot: &Snapshot,
    decisions: &Decisions,
    since: Option<NaiveDate>,
    format: Format,
    lang: Lang,
) -> String {
    let notice = build(
        snapshot,
        decisions,
        since,
        &NoticeConfig::default(),
        None,
        lang,
        true,
    );
    render_notice(&notice, format)
}

pub(crate) fn or_placeholder(v: &Option<String>, vi: &str, en: &str, lang: Lang) -> String {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| match lang {
            Lang::Vi => format!("[{vi}]"),
            Lang::En => format!("[{en}]"),
        })
}

/// "ngày 05 tháng 6 năm 2025": the day with two digits, months 1 and 2 with two (as the
/// decree writes dates).
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Vi => {
            let m = if d.month() <= 2 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!("ngày {:02} tháng {m} năm {}", d.day(), d.year())
        }
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

pub(crate) fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// The notice of the decisions recorded on `since` and after (the last meeting's day when
/// `since` is none).
pub fn build(
    snapshot: &Snapshot,
    decisions: &Decisions,
    since: Option<NaiveDate>,
    cfg: &NoticeConfig,
    meeting: Option<&MeetingInfo>,
    lang: Lang,
    sources: bool,
) -> Notice {
    let vi = lang == Lang::Vi;
    let t = |a: &'static str, b: &'static str| if vi { a } else { b };
    let since = since.or_else(|| notice_date(decisions, None));
    let day = meeting
        .and_then(|m| m.date)
        .or_else(|| notice_date(decisions, since));
    // Items, grouped by unit.
    let mut groups: Vec<(bool, String, String, Vec<ItemText>)> = Vec::new();
    for (id, d) in decisions.iter() {
        let Some((order, idx, sentence, subject, source)) = item_of(snapshot, id, d, since, lang)
        else {
            continue;
        };
        let units = units_of(snapshot, id, d);
        let name = if units.is_empty() {
            t(
                "Các nội dung chưa xác định đơn vị chủ trì",
                "Items with no responsible unit named",
            )
            .to_string()
        } else {
            units
                .iter()
                .map(|u| {
                    snapshot
                        .unit(u)
                        .map_or_else(|| u.clone(), |x| x.name.to_string())
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let key = (units.is_empty(), fold(&name));
        match groups.iter_mut().find(|g| (g.0, g.1.clone()) == key) {
            Some(g) => g.3.push((order, idx, sentence, subject, source)),
            None => groups.push((
                key.0,
                key.1,
                name,
                vec![(order, idx, sentence, subject, source)],
            )),
        }
    }
    groups.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let mut appendix = Vec::new();
    let groups: Vec<NoticeGroup> = groups
        .into_iter()
        .enumerate()
        .map(|(gi, (_, _, unit, mut items))| {
            items.sort_by_key(|i| (i.0, i.1));
            for (ii, it) in items.iter().enumerate() {
                appendix.push([
                    format!("{}.{}", gi + 1, letter(ii)),
                    it.3.clone(),
                    it.4.clone(),
                ]);
            }
            NoticeGroup {
                unit,
                items: items.into_iter().map(|i| i.2).collect(),
            }
        })
        .collect();

    let issuer = or_placeholder(&cfg.issuer, "TÊN CƠ QUAN, TỔ CHỨC", "ISSUING BODY", lang);
    let symbol = or_placeholder(&cfg.symbol, "CQ", "BODY", lang);
    let number = cfg
        .number
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or("       ");
    let place = or_placeholder(&cfg.place, "Địa danh", "Place", lang);
    let meeting_name = or_placeholder(&cfg.meeting, "tên cuộc họp", "meeting", lang);
    let chair = or_placeholder(&cfg.chair, "chức vụ người chủ trì", "chair's title", lang);
    let chair_name = meeting
        .and_then(|m| m.chair.clone())
        .or_else(|| cfg.chair_name.clone());
    let chair_name = or_placeholder(&chair_name, "họ và tên người chủ trì", "chair's name", lang);
    let participants = meeting
        .map(|m| m.participants.join(", "))
        .filter(|p| !p.is_empty())
        .or_else(|| cfg.participants.clone());
    let participants = or_placeholder(&participants, "thành phần tham dự", "participants", lang);
    let venue = meeting
        .and_then(|m| m.place.clone())
        .or_else(|| cfg.venue.clone());
    let venue = or_placeholder(&venue, "địa điểm họp", "venue", lang);
    let day_text = day
        .map(|d| short_date(d, lang))
        .unwrap_or_else(|| t("[ngày họp]", "[meeting day]").into());
    let data_as_of = snapshot
        .as_of
        .map(|a| match lang {
            Lang::Vi => format!(" (số liệu tổng hợp đến ngày {})", short_date(a, lang)),
            Lang::En => format!(" (figures as of {})", short_date(a, lang)),
        })
        .unwrap_or_default();
    let opening = if vi {
        vec![
            format!(
                "Ngày {day_text}, tại {venue}, {chair} {chair_name} chủ trì cuộc họp giao ban {meeting_name}. Tham dự cuộc họp có: {participants}."
            ),
            format!(
                "Sau khi nghe báo cáo tình hình triển khai các nhiệm vụ{data_as_of} và ý kiến của các đại biểu dự họp, {chair} kết luận như sau:"
            ),
        ]
    } else {
        vec![
            format!(
                "On {day_text}, at {venue}, {chair} {chair_name} chaired the briefing of the {meeting_name}. Attending: {participants}."
            ),
            format!(
                "Having heard the report on the tasks{data_as_of} and the views of those present, {chair} concluded as follows:"
            ),
        ]
    };
    let closing = if groups.is_empty() {
        t(
            "Cuộc họp không ghi nhận kết luận nào trong kỳ này.",
            "No conclusions were recorded at this meeting.",
        )
        .to_string()
    } else if vi {
        format!(
            "{issuer_proper} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.",
            issuer_proper = proper(&issuer)
        )
    } else {
        format!(
            "{} notifies the bodies concerned for their information and action.",
            proper(&issuer)
        )
    };
    let mut recipients: Vec<String> = cfg
        .recipients
        .iter()
        .filter(|r| !r.trim().is_empty())
        .map(|r| format!("- {};", r.trim().trim_end_matches(';')))
        .collect();
    if !groups.is_empty() {
        recipients.push(
            t(
                "- Các đơn vị có tên tại Thông báo;",
                "- The units named above;",
            )
            .into(),
        );
    }
    if recipients.is_empty() {
        recipients.push(t("- [Nơi nhận];", "- [Recipients];").into());
    }
    let archive = cfg
        .archive
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| format!(", {a}"))
        .unwrap_or_default();
    recipients.push(format!("- {}: VT{archive}.", t("Lưu", "File")));
    Notice {
        issuer_parent: cfg
            .issuer_parent
            .clone()
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.to_uppercase()),
        issuer: issuer.to_uppercase(),
        number: match lang {
            Lang::Vi => format!("Số: {number}/TB-{symbol}"),
            Lang::En => format!("No. {number}/TB-{symbol}"),
        },
        nation: t(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIET NAM",
        )
        .into(),
        motto: t(
            "Độc lập - Tự do - Hạnh phúc",
            "Independence - Freedom - Happiness",
        )
        .into(),
        place_date: match (day, lang) {
            (Some(d), _) => format!("{place}, {}", long_date(d, lang)),
            (None, Lang::Vi) => format!("{place}, ngày … tháng … năm …"),
            (None, Lang::En) => format!("{place}, …"),
        },
        title: t("THÔNG BÁO", "NOTICE").into(),
        subtitle: match lang {
            Lang::Vi => {
                format!("Kết luận của {chair} tại cuộc họp giao ban {meeting_name} ngày {day_text}")
            }
            Lang::En => format!(
                "Conclusions of {chair} at the briefing of the {meeting_name} on {day_text}"
            ),
        },
        opening,
        groups,
        closing,
        recipients_label: t("Nơi nhận:", "Recipients:").into(),
        recipients,
        authority: cfg
            .authority
            .clone()
            .unwrap_or_default()
            .trim()
            .to_uppercase(),
        signer_title: or_placeholder(
            &cfg.signer_title,
            "CHỨC VỤ NGƯỜI KÝ",
            "SIGNER'S TITLE",
            lang,
        )
        .to_uppercase(),
        signer_name: or_placeholder(&cfg.signer_name, "Họ và tên", "Name", lang),
        left_signature: None,
        appendix_title: t(
            "PHỤ LỤC: NGUỒN CÁC NỘI DUNG NÊU TẠI THÔNG BÁO",
            "APPENDIX: SOURCES OF THE ITEMS ABOVE",
        )
        .into(),
        appendix_columns: [
            t("Mục", "Item").into(),
            t("Nội dung", "Subject").into(),
            t(
                "Nguồn (báo cáo, phụ lục, dòng)",
                "Source (report, appendix, row)",
            )
            .into(),
        ],
        appendix: if sources { appendix } else { Vec::new() },
        day,
    }
}

/// "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06" → "Tổ công tác triển khai Đề án 06" for a sentence.
fn proper(upper: &str) -> String {
    if upper.starts_with('[') {
        return upper.to_string();
    }
    let lower = upper.to_lowercase().replace("đề án", "Đề án");
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// a, b, c … z, aa …
fn letter(i: usize) -> String {
    let l = (b'a' + (i % 26) as u8) as char;
    l.to_string().repeat(i / 26 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_the_decree_writes_them() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            long_date(d(2025, 6, 5), Lang::Vi),
            "ngày 05 tháng 6 năm 2025"
        );
        assert_eq!(
            long_date(d(2025, 2, 15), Lang::Vi),
            "ngày 15 tháng 02 năm 2025"
        );
        assert_eq!(letter(0), "a");
        assert_eq!(letter(27), "bb");
        assert_eq!(proper("TỔ CÔNG TÁC ĐỀ ÁN 06"), "Tổ công tác Đề án 06");
    }
}
