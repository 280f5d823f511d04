use super::*;
use crate::tui::rows;

fn ctx_of(loaded: &crate::store::Loaded) -> Ctx<'_> {
    let s = &loaded.snapshot;
    Ctx {
        snap: s,
        findings: &loaded.findings,
        as_of: s.as_of.unwrap(),
        overlay: None,
    }
}

/// The model figures worked out in one pass are what the snapshot's own rules give, model by
/// model: where it is deployed (in the same order), its coverage, its national assessment and
/// its assessments.
fn assert_models_as_the_snapshot_says(loaded: &crate::store::Loaded) -> usize {
    let s = &loaded.snapshot;
    let f = Figures::compute(&ctx_of(loaded));
    assert_eq!(f.fixed.models.len(), s.models.len());
    let mut denied_somewhere = 0;
    for (i, m) in s.models.iter().enumerate() {
        let mf = f.model_figures(i).unwrap();
        let names: Vec<&str> = mf
            .places
            .iter()
            .map(|&p| s.localities[p].id.as_str())
            .collect();
        assert_eq!(names, s.model_localities(m.number), "model {}", m.number);
        assert_eq!(
            mf.coverage,
            s.model_coverage(m.number),
            "model {}",
            m.number
        );
        assert_eq!(
            mf.national.map(|a| &s.assessments[a].id),
            s.national_assessment(m.number).map(|a| &a.id),
            "model {}",
            m.number
        );
        let all: Vec<usize> = (0..s.assessments.len())
            .filter(|&a| s.assessments[a].model == Some(m.number))
            .collect();
        assert_eq!(mf.assessments, all, "model {}", m.number);
        let printed = s
            .national_assessment(m.number)
            .and_then(|a| a.printed_count.clone())
            .unwrap_or_default();
        assert_eq!(f.model(i), (s.model_coverage(m.number), printed.as_str()));
        denied_somewhere += usize::from(all.iter().any(|&a| s.assessments[a].says_not_deployed()));
    }
    assert_eq!(f.province_count(), s.province_count());
    for (i, t) in s.today.iter().enumerate() {
        let direct: Vec<&str> = s.absorbed_by(&t.id).iter().map(|l| l.id.as_str()).collect();
        let fast: Vec<&str> = f
            .absorbed(i)
            .iter()
            .map(|&l| s.localities[l].id.as_str())
            .collect();
        assert_eq!(fast, direct, "{}", t.id);
    }
    for &p in &f.fixed.provinces {
        let id = &s.localities[p].id;
        assert_eq!(
            f.latest_report(p).map(|r| &s.reports[r].id),
            s.latest_report_of(id).map(|r| &r.id),
            "{id}"
        );
        assert_eq!(
            f.models_deployed_in(&[p]),
            s.models_deployed_in(&[id.as_str()]),
            "{id}"
        );
    }
    denied_somewhere
}

#[test]
fn model_figures_are_the_snapshots_rules_on_the_shipped_data() {
    let loaded = crate::store::load_embedded().expect("shipped");
    assert_models_as_the_snapshot_says(&loaded);
    assert!(assert_records_of_provinces_as_the_snapshot_says(&loaded) > 0);
}

/// A generated national snapshot: many reports per model, some saying they have not deployed
/// it (which takes the province off whatever other sources list).
#[test]
fn model_figures_are_the_snapshots_rules_at_national_scale() {
    let shipped = crate::store::load_embedded().expect("shipped");
    let dir = tempfile::tempdir().unwrap();
    crate::gen::generate(&shipped.snapshot, 400, 7, dir.path(), &mut |_| {}).expect("generates");
    let loaded = crate::store::load_path(dir.path()).expect("loads");
    assert!(loaded.snapshot.assessments.len() > shipped.snapshot.assessments.len());
    let denied = assert_models_as_the_snapshot_says(&loaded);
    assert!(denied > 0, "some model is said not deployed somewhere");
    assert!(assert_records_of_provinces_as_the_snapshot_says(&loaded) > 3);
}

/// One pass gives what counting each unit and province over every record gives.
#[test]
fn one_pass_counts_are_the_per_row_counts() {
    let loaded = crate::store::load_embedded().expect("shipped");
    let s = &loaded.snapshot;
    let ctx = ctx_of(&loaded);
    let f = Figures::compute(&ctx);
    let mut nonzero = 0;
    for u in &s.units {
        let c = rows::unit_counts(&ctx, &u.id);
        assert_eq!(f.unit_counts(&ctx, &u.id), c, "{}", u.id);
        nonzero += usize::from(c.0 > 0);
    }
    assert!(nonzero > 3);
    let mut groups: Vec<Vec<&str>> = s
        .localities
        .iter()
        .filter(|l| l.level == LocalityLevel::Province)
        .map(|l| vec![l.id.as_str()])
        .collect();
    groups.extend(s.today.iter().map(|t| {
        s.absorbed_by(&t.id)
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>()
    }));
    for g in groups {
        let a = f.locality(&ctx, &g);
        let b = rows::locality_figures(&ctx, &g);
        assert_eq!(
            (a.models, a.tasks, a.overdue, a.blockers, &a.latest_report),
            (b.models, b.tasks, b.overdue, b.blockers, &b.latest_report),
            "{g:?}"
        );
    }
}

/// A province's page lists the tasks and blockers the snapshot says are about it; how many
/// provinces have some.
fn assert_records_of_provinces_as_the_snapshot_says(loaded: &crate::store::Loaded) -> usize {
    let s = &loaded.snapshot;
    let f = Figures::compute(&ctx_of(loaded));
    let mut some = 0;
    for &p in &f.fixed.provinces {
        let id = s.localities[p].id.as_str();
        let tasks = f.tasks_in(&[p]);
        assert_eq!(tasks, s.tasks_in(&[id]), "{id}");
        assert_eq!(f.blockers_in(&[p]), s.blockers_in(&[id]), "{id}");
        some += usize::from(!tasks.is_empty());
    }
    some
}

/// With decisions (a task given to another unit, one closed, one given a passed deadline, a
/// blocker given to another unit), the counts are still what counting each unit gives.
#[test]
fn counts_follow_the_decisions() {
    use crate::query::{Decided, DecidedMap, Rec};
    let loaded = crate::store::load_embedded().expect("shipped");
    let s = &loaded.snapshot;
    let late: Vec<usize> = (0..s.tasks.len())
        .filter(|&i| s.task_days_overdue(i, s.as_of.unwrap()).is_some())
        .take(2)
        .collect();
    let open = (0..s.tasks.len())
        .find(|&i| {
            crate::domain::groups::is_reported_open(s.task_status(i))
                && s.task_days_overdue(i, s.as_of.unwrap()).is_none()
        })
        .expect("an open task not overdue");
    let other = s.units.last().unwrap().id.to_string();
    let mut decided = DecidedMap::default();
    decided.0.insert(
        Rec::Task(late[0]),
        Decided {
            unit: Some(other.clone()),
            ..Decided::default()
        },
    );
    decided.0.insert(
        Rec::Task(late[1]),
        Decided {
            done: true,
            ..Decided::default()
        },
    );
    decided.0.insert(
        Rec::Task(open),
        Decided {
            due: Some(s.as_of.unwrap() - chrono::Duration::days(3)),
            ..Decided::default()
        },
    );
    decided.0.insert(
        Rec::Blocker(0),
        Decided {
            unit: Some(other.clone()),
            ..Decided::default()
        },
    );
    let ctx = Ctx {
        overlay: Some(&decided),
        ..ctx_of(&loaded)
    };
    let f = Figures::compute(&ctx);
    assert_eq!(f.unit_counts(&ctx, &other), rows::unit_counts(&ctx, &other));
    assert!(
        f.unit_counts(&ctx, &other).0 >= 1,
        "the assigned task is led by {other}"
    );
    for u in &s.units {
        assert_eq!(
            f.unit_counts(&ctx, &u.id),
            rows::unit_counts(&ctx, &u.id),
            "{}",
            u.id
        );
    }
    for &p in &f.fixed.provinces {
        let id = [s.localities[p].id.as_str()];
        let (a, b) = (f.locality(&ctx, &id), rows::locality_figures(&ctx, &id));
        assert_eq!(
            (a.tasks, a.overdue, a.blockers),
            (b.tasks, b.overdue, b.blockers)
        );
    }
}
