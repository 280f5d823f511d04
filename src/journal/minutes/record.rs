//! The minutes of a meeting (biên bản, form 1.9 of Appendix III of Nghị định 30/2020): when
//! it began and ended, where, who attended, who chaired and who wrote it, what was concluded
//! item by item, and the two signatures (secretary, chair).

use chrono::{NaiveDate, Timelike};

use super::{
    build, or_placeholder, short_date, Decisions, Lang, MeetingInfo, Notice, NoticeConfig,
};
use crate::snapshot::Snapshot;

fn time_of(t: chrono::NaiveDateTime, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "{:02} giờ {:02}, ngày {}",
            t.hour(),
            t.minute(),
            short_date(t.date(), lang)
        ),
        Lang::En => format!(
            "{:02}:{:02} on {}",
            t.hour(),
            t.minute(),
            short_date(t.date(), lang)
        ),
    }
}

/// The minutes of the meeting the record describes (its day's decisions).
pub fn build_record(
    snapshot: &Snapshot,
    decisions: &Decisions,
    since: Option<NaiveDate>,
    cfg: &NoticeConfig,
    meeting: &MeetingInfo,
    lang: Lang,
    sources: bool,
) -> Notice {
    let vi = lang == Lang::Vi;
    let t = |a: &'static str, b: &'static str| if vi { a } else { b };
    let mut n = build(
        snapshot,
        decisions,
        since,
        cfg,
        Some(meeting),
        lang,
        sources,
    );
    let symbol = or_placeholder(&cfg.symbol, "CQ", "BODY", lang);
    let number = cfg
        .number
        .as_deref()
        .filter(|x| !x.trim().is_empty())
        .unwrap_or("       ");
    n.number = match lang {
        Lang::Vi => format!("Số: {number}/BB-{symbol}"),
        Lang::En => format!("No. {number}/BB-{symbol}"),
    };
    n.place_date = String::new();
    n.title = t("BIÊN BẢN", "MINUTES").into();
    let meeting_name = or_placeholder(&cfg.meeting, "tên cuộc họp", "meeting", lang);
    n.subtitle = match lang {
        Lang::Vi => format!("Cuộc họp giao ban {meeting_name}"),
        Lang::En => format!("Briefing of the {meeting_name}"),
    };
    let started = meeting
        .started
        .map(|s| time_of(s, lang))
        .unwrap_or_else(|| t("… giờ …, ngày …", "…").into());
    let place = or_placeholder(
        &meeting.place.clone().or(cfg.venue.clone()),
        "địa điểm họp",
        "venue",
        lang,
    );
    let participants = Some(meeting.participants.join(", ")).filter(|p| !p.is_empty());
    let participants = or_placeholder(&participants, "thành phần tham dự", "participants", lang);
    let chair = or_placeholder(
        &meeting.chair.clone().or(cfg.chair_name.clone()),
        "họ và tên, chức vụ người chủ trì",
        "chair",
        lang,
    );
    let secretary = or_placeholder(
        &cfg.secretary,
        "họ và tên người ghi biên bản",
        "secretary",
        lang,
    );
    n.opening = if vi {
        vec![
            format!("Thời gian bắt đầu: {started}."),
            format!("Địa điểm: {place}."),
            format!("Thành phần tham dự: {participants}."),
            format!("Chủ trì (chủ tọa): {chair}."),
            format!("Thư ký (người ghi biên bản): {secretary}."),
            "Nội dung (các kết luận theo diễn biến cuộc họp):".into(),
        ]
    } else {
        vec![
            format!("Began: {started}."),
            format!("Place: {place}."),
            format!("Attending: {participants}."),
            format!("Chair: {chair}."),
            format!("Secretary: {secretary}."),
            "Proceedings (the conclusions, item by item):".into(),
        ]
    };
    n.closing = match (meeting.ended, lang) {
        (Some(e), Lang::Vi) => format!("Cuộc họp kết thúc vào {}./.", time_of(e, lang)),
        (Some(e), Lang::En) => format!("The meeting ended at {}.", time_of(e, lang)),
        (None, Lang::Vi) => "Cuộc họp kết thúc vào … giờ …, ngày …/.".into(),
        (None, Lang::En) => "The meeting ended at …".into(),
    };
    n.recipients.clear();
    n.authority = String::new();
    n.signer_title = t("CHỦ TỌA", "CHAIR").into();
    n.signer_name = or_placeholder(
        &meeting.chair.clone().or(cfg.chair_name.clone()),
        "Họ và tên",
        "Name",
        lang,
    );
    n.left_signature = Some((
        t("THƯ KÝ", "SECRETARY").into(),
        or_placeholder(&cfg.secretary, "Họ và tên", "Name", lang),
    ));
    n
}
