use super::*;

#[test]
fn lines_round_trip_and_stay_on_one_line() {
    let r = Record::Decision {
        seq: 7,
        at: "2025-06-05T09:14:03+07:00".into(),
        item: "t1".into(),
        old: Some(Change::State(TriageState::New)),
        new: Change::Note("dòng 1\ndòng 2, \"trích\": a:b \\ end".into()),
        note: Some("x".into()),
    };
    let line = r.to_line().unwrap();
    assert_eq!(line.matches('\n').count(), 1, "{line}");
    assert!(line.starts_with("decision(seq: 7, at: \"2025-06-05T09:14:03+07:00\""));
    let back = Record::from_line(line.trim_end()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn escape_sequences_in_a_hand_edited_line_are_removed() {
    let r = Record::from_line(
        r#"decision(seq: 1, at: "2025-06-05T09:00:00+07:00", item: "t1\u{1b}[2J", new: note("a\u{1b}]0;x\u{7}b"))"#,
    )
    .unwrap();
    assert_eq!(r.item(), Some("t1"));
    match r {
        Record::Decision { new, .. } => assert_eq!(new, Change::Note("ab".into())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn states_parse_in_both_languages() {
    for s in TriageState::ALL {
        assert_eq!(TriageState::parse(s.key()), Some(s));
        assert_eq!(TriageState::parse(s.label_vi()), Some(s));
        assert_eq!(TriageState::parse(s.label_en()), Some(s));
    }
    assert_eq!(
        TriageState::parse("Chuyển-cấp-trên"),
        Some(TriageState::Escalated)
    );
    assert_eq!(TriageState::parse("zzz"), None);
    assert_eq!(TriageState::New.next(), Some(TriageState::Acknowledged));
    assert_eq!(TriageState::Escalated.next(), Some(TriageState::Resolved));
    assert_eq!(TriageState::Resolved.next(), None);
}

#[test]
fn torn_starts() {
    assert!(looks_like_record_start(b"decis"));
    assert!(looks_like_record_start(b"decision(seq: 3, at"));
    assert!(looks_like_record_start(b"\0\0\0"));
    assert!(!looks_like_record_start(b"(title: \"x\""));
}
