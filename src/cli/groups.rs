//! `giaoban export groups`: the status groups counted per unit, per province (of 2024 and of
//! today) and per report, with the overdue rate over the tasks already due.

use serde_json::{json, Value};

use crate::domain::groups::{format_rate, Group, Tally, DEFAULT_SOON_DAYS};
use crate::query::groups::breakdown;
use crate::query::Ctx;

fn row(scope: &str, id: &str, name: &str, t: &Tally) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("scope".into(), json!(scope));
    m.insert("id".into(), json!(id));
    m.insert("name".into(), json!(name));
    m.insert("tasks".into(), json!(t.total()));
    for g in Group::ALL {
        m.insert(g.key().into(), json!(t.count(g)));
    }
    m.insert("already_due".into(), json!(t.already_due));
    m.insert(
        "overdue_rate".into(),
        json!(t.overdue_rate().map(|r| (r * 10.0).round() / 10.0)),
    );
    m.insert(
        "overdue_rate_text".into(),
        json!(format_rate(t.overdue_rate(), false)),
    );
    Value::Object(m)
}

/// One row for all tasks, then one per report, province of 2024, province of today and lead unit.
pub fn rows(ctx: &Ctx, tasks: &[usize]) -> Vec<Value> {
    let s = ctx.snap;
    let b = breakdown(ctx, tasks, DEFAULT_SOON_DAYS);
    let mut out = vec![row("all", "", "", &b.all)];
    for (id, t) in &b.report {
        let name = s.report(id).map(|r| r.short.clone()).unwrap_or_default();
        out.push(row("report", id, &name, t));
    }
    for (id, t) in &b.province {
        out.push(row("province", id, &s.locality_name(id), t));
    }
    for (id, t) in &b.today {
        let name = s
            .today_province(id)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        out.push(row("today", id, &name, t));
    }
    for (id, t) in &b.unit {
        out.push(row("unit", id, &s.unit_label(id), t));
    }
    out
}
