//! A record told in a line, for listings and confirmations, in English (with the values as the
//! journal writes them) or in Vietnamese (with labels and dd/mm/yyyy dates).

use super::record::{parse_at, Change, Field, Lang, Record};
use crate::snapshot::Snapshot;

impl Record {
    /// A short account for listings and confirmations:
    /// `#3 t1 state: new → escalated (note: "…")`, `#5 undo #3 (t1 due)`.
    pub fn summary(&self) -> String {
        self.describe(Lang::En, None)
    }

    /// The account in a language; in Vietnamese the values are labels (with unit names when
    /// the snapshot is given): `#3 t1 Trạng thái: Mới → Chuyển cấp trên`.
    pub fn describe(&self, lang: Lang, snap: Option<&Snapshot>) -> String {
        let vi = lang == Lang::Vi;
        let value = |c: &Change| {
            if vi {
                c.value_text(snap, lang)
            } else {
                c.raw_value()
            }
        };
        let field = |f: Field| {
            if vi {
                f.label(lang)
            } else {
                f.key()
            }
        };
        let source = if vi {
            "(số liệu gốc)"
        } else {
            "(source)"
        };
        let change = |old: Option<&Change>, new: Option<&Change>| -> String {
            match old.or(new).map(|c| c.field()) {
                Some(Field::Note) => format!(
                    " {} {}",
                    field(Field::Note),
                    old.or(new).map(value).unwrap_or_default()
                ),
                Some(f) => format!(
                    " {}: {} → {}",
                    field(f),
                    old.map(value).unwrap_or_else(|| source.into()),
                    new.map(value).unwrap_or_else(|| source.into())
                ),
                None => String::new(),
            }
        };
        match self {
            Record::Header {
                title,
                as_of,
                fingerprint,
                ..
            } => {
                if vi {
                    let d = as_of
                        .map(|d| format!(", số liệu đến ngày {}", d.format("%d/%m/%Y")))
                        .unwrap_or_default();
                    format!("bộ số liệu \"{title}\"{d} ({fingerprint})")
                } else {
                    let d = as_of.map(|d| format!(", as of {d}")).unwrap_or_default();
                    format!("snapshot \"{title}\"{d} ({fingerprint})")
                }
            }
            Record::Decision {
                seq,
                item,
                old,
                new,
                note,
                ..
            } => {
                let mut s = format!("#{seq} {item} {}: ", field(new.field()));
                if let Some(o) = old.as_ref().filter(|_| new.field() != Field::Note) {
                    s.push_str(&value(o));
                    s.push_str(" → ");
                }
                s.push_str(&value(new));
                if let Some(n) = note {
                    s.push_str(&if vi {
                        format!(" (ghi chú: {n:?})")
                    } else {
                        format!(" (note: {n:?})")
                    });
                }
                s
            }
            Record::Undo {
                seq,
                undoes,
                item,
                old,
                new,
                ..
            } => format!(
                "#{seq} {} #{undoes}: {item}{}",
                if vi { "hoàn tác" } else { "undo" },
                change(old.as_ref(), new.as_ref())
            ),
            Record::Redo {
                seq,
                redoes,
                item,
                old,
                new,
                ..
            } => format!(
                "#{seq} {} #{redoes}: {item}{}",
                if vi { "làm lại" } else { "redo" },
                change(old.as_ref(), new.as_ref())
            ),
            Record::MeetingStart {
                chair,
                participants,
                place,
                ..
            } => {
                let mut s = if vi {
                    "mở cuộc họp"
                } else {
                    "meeting opened"
                }
                .to_string();
                let names = if vi {
                    ["chủ trì", "thành phần", "địa điểm"]
                } else {
                    ["chair", "participants", "place"]
                };
                for (k, v) in names.iter().zip([chair, participants, place]) {
                    if !v.is_empty() {
                        s.push_str(&format!(", {k}: {v}"));
                    }
                }
                s
            }
            Record::MeetingEnd { started, .. } => {
                let from = parse_at(started)
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| started.clone());
                if vi {
                    format!("kết thúc cuộc họp (mở lúc {from})")
                } else {
                    format!("meeting closed (opened {from})")
                }
            }
        }
    }
}
