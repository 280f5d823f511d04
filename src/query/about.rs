//! What a record is about, for the terms that ask: the report it comes from and its places.

use super::eval::{Ctx, Rec};

pub(super) fn record_report<'a>(ctx: &Ctx<'a>, rec: Rec) -> Option<&'a str> {
    let s = ctx.snap;
    Some(match rec {
        Rec::Task(i) => &s.tasks[i].report,
        Rec::Blocker(i) => &s.blockers[i].report,
        Rec::Assessment(i) => &s.assessments[i].report,
        Rec::Indicator(i) => &s.indicators[i].report,
        Rec::Finding(i) => ctx.findings[i].report.as_deref()?,
        Rec::Report(i) => &s.reports[i].id,
        _ => return None,
    })
}

pub(super) fn record_localities(ctx: &Ctx, rec: Rec) -> Vec<String> {
    let s = ctx.snap;
    let report_loc = |r: &str| {
        s.report(r)
            .and_then(|r| r.locality.as_deref().map(str::to_string))
    };
    match rec {
        Rec::Task(i) => s.tasks[i]
            .locality
            .as_deref()
            .map(str::to_string)
            .or_else(|| report_loc(&s.tasks[i].report))
            .into_iter()
            .collect(),
        Rec::Blocker(i) => s.blockers[i]
            .locality
            .as_deref()
            .map(str::to_string)
            .or_else(|| report_loc(&s.blockers[i].report))
            .into_iter()
            .collect(),
        Rec::Assessment(i) => {
            let a = &s.assessments[i];
            a.locality
                .iter()
                .chain(a.localities.iter())
                .map(|l| l.to_string())
                .collect()
        }
        Rec::Model(i) => s.model_localities(s.models[i].number),
        Rec::Unit(i) => s.units[i].locality.iter().map(|l| l.to_string()).collect(),
        Rec::Locality(i) => vec![s.localities[i].id.to_string()],
        Rec::Indicator(i) => s.indicators[i]
            .locality
            .as_deref()
            .map(str::to_string)
            .or_else(|| report_loc(&s.indicators[i].report))
            .into_iter()
            .collect(),
        Rec::Report(i) => s.reports[i]
            .locality
            .iter()
            .map(|l| l.to_string())
            .collect(),
        Rec::Finding(i) => ctx.findings[i]
            .report
            .as_deref()
            .and_then(report_loc)
            .into_iter()
            .collect(),
        Rec::Today(i) => s
            .absorbed_by(&s.today[i].id)
            .into_iter()
            .map(|l| l.id.to_string())
            .collect(),
    }
}
