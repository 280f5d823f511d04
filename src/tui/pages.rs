//! Drill-down pages: for any record, the related records one Enter away, in labelled groups.

use crate::domain::LocalityLevel;
use crate::query::{Ctx, Rec};

use super::figures::Figures;
use super::i18n::{t, Lang};
use super::rows::{Row, Table};

fn group(out: &mut Vec<Row>, label: String, recs: Vec<Rec>) {
    group_of(out, label, recs, None);
}

/// A group whose count is read against a whole (`of`: "24/44" models deployed).
fn group_of(out: &mut Vec<Row>, label: String, recs: Vec<Rec>, of: Option<usize>) {
    if !recs.is_empty() {
        out.push(Row::Header(label, of));
        out.extend(recs.into_iter().map(Row::Rec));
    }
}

fn unit_recs(ctx: &Ctx, ids: &[&str]) -> Vec<Rec> {
    ids.iter()
        .filter_map(|u| ctx.snap.index.unit.get(*u).map(|&i| Rec::Unit(i)))
        .collect()
}

fn locality_rec(ctx: &Ctx, id: &str) -> Option<Rec> {
    ctx.snap.index.locality.get(id).map(|&i| Rec::Locality(i))
}

fn model_rec(ctx: &Ctx, n: u32) -> Option<Rec> {
    ctx.snap.index.model.get(&n).map(|&i| Rec::Model(i))
}

fn report_rec(ctx: &Ctx, id: &str) -> Option<Rec> {
    ctx.snap.index.report.get(id).map(|&i| Rec::Report(i))
}

/// Tasks most overdue first (then in their own order): what the chair asks about first.
fn overdue_first(ctx: &Ctx, tasks: &mut [Rec]) {
    tasks.sort_by_key(|r| match r {
        Rec::Task(i) => std::cmp::Reverse(ctx.task_days_overdue(*i).unwrap_or(0)),
        _ => std::cmp::Reverse(0),
    });
}

/// Reports in the order they were issued: by date (undated last), then by number ("98/BC"
/// before "258/BC"), then as listed.
fn in_date_order(ctx: &Ctx, reports: &mut [usize]) {
    let s = ctx.snap;
    let number = |i: usize| {
        let n = s.reports[i].number.as_deref().unwrap_or("");
        let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
        (digits.parse::<u64>().unwrap_or(u64::MAX), n.to_string())
    };
    reports.sort_by_cached_key(|&i| {
        let d = s.reports[i].date;
        (d.is_none(), d, number(i), i)
    });
}

/// Everything about a set of provinces (one old province, or the old provinces of a province
/// of today): tasks, blockers, models deployed, indicators, reports, units.
fn province_rows(ctx: &Ctx, fig: &Figures, lang: Lang, provinces: &[&str], out: &mut Vec<Row>) {
    let s = ctx.snap;
    let in_scope = |l: Option<&str>| {
        l.and_then(|l| s.province_of(l))
            .is_some_and(|p| provinces.contains(&p))
    };
    let province_idx: Vec<usize> = provinces
        .iter()
        .filter_map(|p| s.index.locality.get(*p).copied())
        .collect();
    // As `Snapshot::tasks_in` and `blockers_in`, from each record's province looked up once.
    let mut tasks_sorted: Vec<Rec> = fig
        .tasks_in(&province_idx)
        .into_iter()
        .map(Rec::Task)
        .collect();
    overdue_first(ctx, &mut tasks_sorted);
    let blockers: Vec<Rec> = fig
        .blockers_in(&province_idx)
        .into_iter()
        .map(Rec::Blocker)
        .collect();
    let models: Vec<Rec> = fig
        .models_deployed_in(&province_idx)
        .into_iter()
        .map(Rec::Model)
        .collect();
    let indicators: Vec<Rec> = s
        .indicators_in(provinces)
        .into_iter()
        .map(Rec::Indicator)
        .collect();
    let mut report_idx: Vec<usize> = (0..s.reports.len())
        .filter(|&i| in_scope(s.reports[i].locality.as_deref()))
        .collect();
    in_date_order(ctx, &mut report_idx);
    let reports: Vec<Rec> = report_idx.into_iter().map(Rec::Report).collect();
    let units: Vec<Rec> = (0..s.units.len())
        .filter(|&i| in_scope(s.units[i].locality.as_deref()))
        .map(Rec::Unit)
        .collect();
    let children: Vec<Rec> = (0..s.localities.len())
        .filter(|&i| {
            s.localities[i].level != LocalityLevel::Province && in_scope(Some(&s.localities[i].id))
        })
        .map(Rec::Locality)
        .collect();
    group(out, t(lang, "page.reports").into(), reports);
    group(out, t(lang, "page.tasks").into(), tasks_sorted);
    group(out, t(lang, "page.blockers").into(), blockers);
    group_of(
        out,
        t(lang, "page.models_deployed").into(),
        models,
        Some(s.models.len()),
    );
    group(out, t(lang, "page.indicators").into(), indicators);
    group(out, t(lang, "page.units").into(), units);
    group(out, t(lang, "page.localities").into(), children);
}

/// The rows of a record's page.
pub fn page_rows(ctx: &Ctx, fig: &Figures, lang: Lang, rec: Rec) -> (Table, Vec<Row>) {
    let s = ctx.snap;
    let mut out = Vec::new();
    match rec {
        Rec::Unit(i) => {
            let id = s.units[i].id.as_str();
            // One pass over the tasks: led by it, else coordinated or carried out with it.
            let (mut led, mut coord) = (Vec::new(), Vec::new());
            for x in 0..s.tasks.len() {
                if ctx.task_lead_units(x).contains(&id) {
                    led.push(Rec::Task(x));
                } else if s.tasks[x]
                    .coord_units
                    .iter()
                    .chain(&s.tasks[x].force_units)
                    .any(|u| u == id)
                {
                    coord.push(Rec::Task(x));
                }
            }
            overdue_first(ctx, &mut led);
            overdue_first(ctx, &mut coord);
            let blockers: Vec<Rec> = (0..s.blockers.len())
                .filter(|&b| {
                    ctx.blocker_units(b).contains(&id)
                        || s.blockers[b].addressees.iter().any(|u| u == id)
                })
                .map(Rec::Blocker)
                .collect();
            // The tasks it leads, most overdue first, come first (as on a province's page);
            // its province last.
            group(&mut out, t(lang, "page.tasks_led").into(), led);
            group(&mut out, t(lang, "page.tasks_involved").into(), coord);
            group(&mut out, t(lang, "page.blockers").into(), blockers);
            if let Some(l) = s.units[i]
                .locality
                .as_deref()
                .and_then(|l| locality_rec(ctx, l))
            {
                group(&mut out, t(lang, "field.locality").into(), vec![l]);
            }
        }
        Rec::Locality(i) => {
            let l = &s.localities[i];
            if let Some(today) = s.today_of(&l.id).and_then(|t| s.index.today.get(t)) {
                group(
                    &mut out,
                    t(lang, "field.today").into(),
                    vec![Rec::Today(*today)],
                );
            }
            if let Some(p) = l.parent.as_deref().and_then(|p| locality_rec(ctx, p)) {
                group(&mut out, t(lang, "page.localities").into(), vec![p]);
            }
            let province = s.province_of(&l.id).unwrap_or(&l.id).to_string();
            province_rows(ctx, fig, lang, &[province.as_str()], &mut out);
        }
        Rec::Today(i) => {
            let ids: Vec<&str> = fig
                .absorbed(i)
                .iter()
                .map(|&l| s.localities[l].id.as_str())
                .collect();
            group(
                &mut out,
                t(lang, "page.absorbed").into(),
                ids.iter().filter_map(|id| locality_rec(ctx, id)).collect(),
            );
            province_rows(ctx, fig, lang, &ids, &mut out);
        }
        Rec::Model(i) => {
            let n = s.models[i].number;
            let none = super::figures::Model::default();
            let mf = fig.model_figures(i).unwrap_or(&none);
            let assessments: Vec<Rec> =
                mf.assessments.iter().map(|&a| Rec::Assessment(a)).collect();
            let blockers: Vec<Rec> = (0..s.blockers.len())
                .filter(|&b| s.blockers[b].model == Some(n))
                .map(Rec::Blocker)
                .collect();
            let tasks: Vec<Rec> = (0..s.tasks.len())
                .filter(|&x| s.tasks[x].model == Some(n))
                .map(Rec::Task)
                .collect();
            let deployed_recs: Vec<Rec> = mf.places.iter().map(|&l| Rec::Locality(l)).collect();
            let not: Vec<Rec> = fig
                .fixed
                .provinces
                .iter()
                .filter(|p| !mf.places.contains(p))
                .map(|&l| Rec::Locality(l))
                .collect();
            let total = fig.province_count();
            group(&mut out, t(lang, "page.assessments").into(), assessments);
            group(&mut out, t(lang, "page.blockers").into(), blockers);
            group(&mut out, t(lang, "page.tasks").into(), tasks);
            group_of(
                &mut out,
                t(lang, "page.deployed").into(),
                deployed_recs,
                Some(total),
            );
            // Which provinces have not deployed it can be told only from a national list:
            // where the national assessment prints a count without naming the provinces,
            // say so rather than call every unnamed province "not deployed".
            let national = mf.national.and_then(|a| s.assessments.get(a));
            if national.is_some_and(|a| !a.localities.is_empty()) {
                group_of(
                    &mut out,
                    t(lang, "page.not_deployed").into(),
                    not,
                    Some(total),
                );
            } else {
                let printed = national
                    .and_then(|a| a.printed_count.clone())
                    .map(|p| crate::text::one_line(&p))
                    .unwrap_or_else(|| "—".into());
                out.push(Row::Header(
                    format!(
                        "{}: {} ({} {printed})",
                        t(lang, "page.not_deployed"),
                        t(lang, "page.no_national_list"),
                        t(lang, "field.printed"),
                    ),
                    None,
                ));
            }
        }
        Rec::Task(i) => {
            let task = &s.tasks[i];
            group(
                &mut out,
                t(lang, "field.lead").into(),
                unit_recs(ctx, &ctx.task_lead_units(i)),
            );
            let coord: Vec<&str> = task
                .coord_units
                .iter()
                .chain(&task.force_units)
                .map(compact_str::CompactString::as_str)
                .collect();
            group(
                &mut out,
                t(lang, "field.coord").into(),
                unit_recs(ctx, &coord),
            );
            group(
                &mut out,
                t(lang, "field.model").into(),
                task.model
                    .and_then(|m| model_rec(ctx, m))
                    .into_iter()
                    .collect(),
            );
            let loc = task
                .locality
                .clone()
                .or_else(|| s.report(&task.report).and_then(|r| r.locality.clone()));
            group(
                &mut out,
                t(lang, "field.locality").into(),
                loc.as_deref()
                    .and_then(|l| locality_rec(ctx, l))
                    .into_iter()
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.blockers").into(),
                (0..s.blockers.len())
                    .filter(|&b| s.blockers[b].task.as_deref() == Some(&task.id))
                    .map(Rec::Blocker)
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.reports").into(),
                report_rec(ctx, &task.report).into_iter().collect(),
            );
        }
        Rec::Blocker(i) => {
            let b = &s.blockers[i];
            group(
                &mut out,
                t(lang, "field.responsible").into(),
                unit_recs(ctx, &ctx.blocker_units(i)),
            );
            let addr: Vec<&str> = b
                .addressees
                .iter()
                .map(compact_str::CompactString::as_str)
                .collect();
            group(
                &mut out,
                t(lang, "field.addressees").into(),
                unit_recs(ctx, &addr),
            );
            group(
                &mut out,
                t(lang, "field.model").into(),
                b.model
                    .and_then(|m| model_rec(ctx, m))
                    .into_iter()
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "kind.task").into(),
                b.task
                    .as_deref()
                    .and_then(|x| s.task_index(x))
                    .map(Rec::Task)
                    .into_iter()
                    .collect(),
            );
            let loc = b
                .locality
                .clone()
                .or_else(|| s.report(&b.report).and_then(|r| r.locality.clone()));
            group(
                &mut out,
                t(lang, "field.locality").into(),
                loc.as_deref()
                    .and_then(|l| locality_rec(ctx, l))
                    .into_iter()
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.reports").into(),
                report_rec(ctx, &b.report).into_iter().collect(),
            );
        }
        Rec::Assessment(i) => {
            let a = &s.assessments[i];
            group(
                &mut out,
                t(lang, "field.model").into(),
                a.model
                    .and_then(|m| model_rec(ctx, m))
                    .into_iter()
                    .collect(),
            );
            let mut seen = Vec::new();
            let locs: Vec<Rec> = a
                .localities
                .iter()
                .chain(a.locality.iter())
                .filter(|l| {
                    let new = !seen.contains(*l);
                    seen.push((*l).clone());
                    new
                })
                .filter_map(|l| locality_rec(ctx, l))
                .collect();
            group(&mut out, t(lang, "field.localities").into(), locs);
            group(
                &mut out,
                t(lang, "page.reports").into(),
                report_rec(ctx, &a.report).into_iter().collect(),
            );
        }
        Rec::Report(i) => {
            let id = s.reports[i].id.as_str();
            group(
                &mut out,
                t(lang, "field.locality").into(),
                s.reports[i]
                    .locality
                    .as_deref()
                    .and_then(|l| locality_rec(ctx, l))
                    .into_iter()
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.tasks").into(),
                (0..s.tasks.len())
                    .filter(|&x| s.tasks[x].report == id)
                    .map(Rec::Task)
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.assessments").into(),
                (0..s.assessments.len())
                    .filter(|&x| s.assessments[x].report == id)
                    .map(Rec::Assessment)
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.blockers").into(),
                (0..s.blockers.len())
                    .filter(|&x| s.blockers[x].report == id)
                    .map(Rec::Blocker)
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.indicators").into(),
                (0..s.indicators.len())
                    .filter(|&x| s.indicators[x].report == id)
                    .map(Rec::Indicator)
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.findings").into(),
                (0..ctx.findings.len())
                    .filter(|&x| ctx.findings[x].report.as_deref() == Some(id))
                    .map(Rec::Finding)
                    .collect(),
            );
        }
        Rec::Finding(i) => {
            let f = &ctx.findings[i];
            let subject = s
                .index
                .task
                .get(&f.subject)
                .map(|&x| Rec::Task(x))
                .or_else(|| s.index.blocker.get(&f.subject).map(|&x| Rec::Blocker(x)))
                .or_else(|| {
                    s.assessments
                        .iter()
                        .position(|a| a.id == f.subject)
                        .map(Rec::Assessment)
                })
                .or_else(|| {
                    s.indicators
                        .iter()
                        .position(|a| a.id == f.subject)
                        .map(Rec::Indicator)
                });
            group(
                &mut out,
                t(lang, "page.related").into(),
                subject.into_iter().collect(),
            );
            group(
                &mut out,
                t(lang, "page.reports").into(),
                f.report
                    .as_deref()
                    .and_then(|r| report_rec(ctx, r))
                    .into_iter()
                    .collect(),
            );
        }
        Rec::Indicator(i) => {
            let x = &s.indicators[i];
            group(
                &mut out,
                t(lang, "field.locality").into(),
                x.locality
                    .as_deref()
                    .and_then(|l| locality_rec(ctx, l))
                    .into_iter()
                    .collect(),
            );
            group(
                &mut out,
                t(lang, "page.reports").into(),
                report_rec(ctx, &x.report).into_iter().collect(),
            );
        }
    }
    (Table::Mixed, out)
}
