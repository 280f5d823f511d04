//! Evaluating a query against the records of a snapshot.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::about::{record_localities, record_report};
use super::parse::{Query, QueryError, TermKind};
use super::resolve::{descendants, resolve_localities, resolve_units};
use super::words::Word;
use crate::domain::{Cause, Status};
use crate::snapshot::{Snapshot, Texts};
use crate::store::Finding;
use crate::text::{did_you_mean, fold_nfc};

/// A record of any kind, by index into its snapshot vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rec {
    Task(usize),
    Blocker(usize),
    Model(usize),
    Assessment(usize),
    Unit(usize),
    Locality(usize),
    Today(usize),
    Indicator(usize),
    Finding(usize),
    Report(usize),
}

/// What a query is evaluated against.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub snap: &'a Snapshot,
    pub findings: &'a [Finding],
    pub as_of: NaiveDate,
    /// Decisions recorded in the meeting that change what a record says (state, lead, due).
    pub overlay: Option<&'a dyn Overlay>,
}

/// Decisions layered over the snapshot (the journal implements this).
pub trait Overlay: Sync {
    /// A lead unit decided for a task or blocker.
    fn assigned_unit(&self, rec: Rec) -> Option<&str>;
    /// A new due date decided.
    fn decided_due(&self, rec: Rec) -> Option<NaiveDate>;
    /// Resolved or closed by decision.
    fn decided_done(&self, rec: Rec) -> bool;
    /// The unit's line of the scorecard, when one was worked out.
    fn unit_score(&self, _unit: &str) -> Option<&super::scorecard::UnitScore> {
        None
    }
    /// The formula the scores were worked out with.
    fn score_formula(&self) -> Option<&super::scorecard::Formula> {
        None
    }
}

impl Ctx<'_> {
    /// Days late for a task at the as-of date, decisions included.
    pub fn task_days_overdue(&self, i: usize) -> Option<i64> {
        let rec = Rec::Task(i);
        if let Some(o) = self.overlay {
            if o.decided_done(rec) {
                return None;
            }
            if let Some(due) = o.decided_due(rec) {
                if !crate::domain::groups::is_reported_open(self.snap.task_status(i)) {
                    return None;
                }
                let d = (self.as_of - due).num_days();
                return (d > 0).then_some(d);
            }
        }
        self.snap.task_days_overdue(i, self.as_of)
    }

    pub fn task_lead_units(&self, i: usize) -> Vec<&str> {
        if let Some(u) = self.overlay.and_then(|o| o.assigned_unit(Rec::Task(i))) {
            return vec![u];
        }
        self.snap.tasks[i]
            .lead_units
            .iter()
            .map(compact_str::CompactString::as_str)
            .collect()
    }

    pub fn blocker_units(&self, i: usize) -> Vec<&str> {
        if let Some(u) = self.overlay.and_then(|o| o.assigned_unit(Rec::Blocker(i))) {
            return vec![u];
        }
        self.snap.blockers[i]
            .responsible
            .iter()
            .map(compact_str::CompactString::as_str)
            .collect()
    }
}

#[derive(Debug, Clone)]
enum Pred {
    Word(Word),
    Phrase(Word),
    Status(Status),
    Units {
        any: bool,
        ids: HashSet<String>,
    },
    Localities(HashSet<String>),
    /// Free words that spell a place: its records (the place, the places in it) and the
    /// records that name it, the words side by side as typed.
    Place {
        phrase: Word,
        ids: HashSet<String>,
    },
    /// A national model, with the provinces the sources list it as deployed in (for
    /// provinces and provinces of today), worked out once when the query is compiled.
    Model {
        number: u32,
        deployed: HashSet<String>,
    },
    Cause(Option<Cause>),
    Report(HashSet<String>),
    Kind(String),
    Group(String),
    Overdue,
    Open,
    Done,
}

/// A query with its names resolved against one snapshot.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The query as typed.
    pub query: Query,
    /// The query as matched: each run of free words that spells a place is one term
    /// (`TermKind::Place`). What narrowing and the remembered results are keyed by.
    key: Query,
    /// The runs of free words that spell a place or a unit (`equivalents`).
    equivalents: Vec<super::Equivalent>,
    preds: Vec<(bool, Pred)>,
}

impl Compiled {
    /// Resolve the query's names (`unit:STTTT`, `locality:"Bình Định"`) against the snapshot.
    pub fn new(query: Query, snap: &Snapshot) -> Result<Compiled, QueryError> {
        let equivalents = super::equiv::equivalents_of(&query, snap);
        let key = super::equiv::with_places(&query, &equivalents);
        let mut preds = Vec::new();
        for t in &key.terms {
            let err = |en: String, vi: String| QueryError::new(t.span, en, vi);
            // " (did you mean 'x'?)" and its Vietnamese.
            let hints = |guess: Option<&str>| {
                (
                    guess
                        .map(|s| format!(" (did you mean '{s}'?)"))
                        .unwrap_or_default(),
                    guess
                        .map(|s| format!(" (có phải '{s}'?)"))
                        .unwrap_or_default(),
                )
            };
            let p = match &t.kind {
                TermKind::Word(w) => Pred::Word(Word::new(w)),
                TermKind::Phrase(p) => Pred::Phrase(Word::new(p)),
                TermKind::Place { words, id } => Pred::Place {
                    phrase: Word::new(words),
                    ids: resolve_localities(snap, id),
                },
                TermKind::Status(s) => Pred::Status(*s),
                TermKind::Unit(v) | TermKind::Lead(v) => {
                    let ids = resolve_units(snap, v);
                    if ids.is_empty() {
                        let names = snap.units.iter().flat_map(|u| {
                            std::iter::once(u.id.as_str())
                                .chain(u.aliases.iter().map(compact_str::CompactString::as_str))
                        });
                        let (en, vi) = hints(did_you_mean(v, names));
                        return Err(err(
                            format!("no unit is called '{v}'{en}"),
                            format!("không có đơn vị nào tên '{v}'{vi}"),
                        ));
                    }
                    Pred::Units {
                        any: matches!(t.kind, TermKind::Unit(_)),
                        ids,
                    }
                }
                TermKind::Locality(v) => {
                    let ids = resolve_localities(snap, v);
                    if ids.is_empty() {
                        let names = snap.localities.iter().map(|l| l.name.as_str());
                        let (en, vi) = hints(did_you_mean(v, names));
                        return Err(err(
                            format!("no locality is called '{v}'{en}"),
                            format!("không có địa phương nào tên '{v}'{vi}"),
                        ));
                    }
                    Pred::Localities(ids)
                }
                TermKind::Today(v) => {
                    let f = fold_nfc(v).replace(' ', "-");
                    let Some(today) = snap
                        .today
                        .iter()
                        .find(|t| t.id == f || fold_nfc(&t.name) == fold_nfc(v))
                    else {
                        let (en, vi) =
                            hints(did_you_mean(v, snap.today.iter().map(|t| t.name.as_str())));
                        return Err(err(
                            format!("no province of today is called '{v}'{en}"),
                            format!("không có tỉnh (nay) nào tên '{v}'{vi}"),
                        ));
                    };
                    let mut ids = HashSet::new();
                    for old in snap.absorbed_by(&today.id) {
                        ids.extend(descendants(snap, &old.id));
                    }
                    Pred::Localities(ids)
                }
                TermKind::Model(n) => {
                    if snap.model(*n).is_none() && !snap.models.is_empty() {
                        let count = snap.models.len();
                        return Err(err(
                            format!("there is no model {n} in the national catalogue (1–{count})"),
                            format!("danh mục quốc gia không có mô hình {n} (1–{count})"),
                        ));
                    }
                    Pred::Model {
                        number: *n,
                        deployed: snap.model_localities(*n).into_iter().collect(),
                    }
                }
                TermKind::Cause(c) => Pred::Cause(*c),
                TermKind::Report(v) => {
                    let ids: HashSet<String> = snap
                        .reports
                        .iter()
                        .filter(|r| {
                            fold_nfc(&r.id).contains(v.as_str())
                                || fold_nfc(&r.short).contains(v.as_str())
                                || r.number
                                    .as_deref()
                                    .is_some_and(|n| fold_nfc(n).contains(v.as_str()))
                        })
                        .map(|r| r.id.to_string())
                        .collect();
                    if ids.is_empty() {
                        let (en, vi) =
                            hints(did_you_mean(v, snap.reports.iter().map(|r| r.id.as_str())));
                        return Err(err(
                            format!("no report matches '{v}'{en}"),
                            format!("không có báo cáo nào khớp '{v}'{vi}"),
                        ));
                    }
                    Pred::Report(ids)
                }
                TermKind::Kind(k) => Pred::Kind(k.clone()),
                TermKind::Group(g) => Pred::Group(g.clone()),
                TermKind::Overdue => Pred::Overdue,
                TermKind::Open => Pred::Open,
                TermKind::Done => Pred::Done,
            };
            preds.push((t.negated, p));
        }
        // The cheap tests first, then words and phrases, the longest (usually the rarest)
        // first: all must hold, so the order changes nothing but the time.
        preds.sort_by_key(|(_, p)| match p {
            Pred::Word(w) | Pred::Phrase(w) | Pred::Place { phrase: w, .. } => {
                usize::MAX - w.as_str().len()
            }
            _ => 0,
        });
        Ok(Compiled {
            query,
            key,
            equivalents,
            preds,
        })
    }

    /// The runs of free words that exactly spell a place or a unit, longest first from the
    /// left ("so tttt hue" is Huế's Sở TTTT, not "so tttt" and "hue").
    pub fn equivalents(&self) -> &[super::Equivalent] {
        &self.equivalents
    }

    /// The query as matched (see `key`): two queries with the same key find the same records,
    /// and one whose key `narrows` another's finds only records that one finds.
    pub fn key(&self) -> &Query {
        &self.key
    }

    /// Parse and resolve in one step.
    pub fn parse(text: &str, snap: &Snapshot) -> Result<Compiled, QueryError> {
        Compiled::new(Query::parse(text)?, snap)
    }

    pub fn is_empty(&self) -> bool {
        self.preds.is_empty()
    }

    pub fn matches(&self, ctx: &Ctx, rec: Rec) -> bool {
        self.matches_with(ctx, rec, &[])
    }

    fn matches_with(&self, ctx: &Ctx, rec: Rec, memo: &[Vec<AtomicU8>]) -> bool {
        self.preds.iter().enumerate().all(|(i, (neg, p))| {
            let m = memo.get(i).map(Vec::as_slice).filter(|m| !m.is_empty());
            eval(ctx, rec, p, m) != *neg
        })
    }

    /// The records of `candidates` that match, in order.
    pub fn filter(&self, ctx: &Ctx, candidates: &[Rec]) -> Vec<Rec> {
        self.select(ctx, candidates, Some)
    }

    /// The items whose record matches (an item without one does not), in their order, tested
    /// on every core. The shared contexts (a place's or a unit's names) are searched once
    /// each, not once per record.
    pub fn select<T: Copy + Send + Sync>(
        &self,
        ctx: &Ctx,
        items: &[T],
        rec_of: impl Fn(T) -> Option<Rec> + Sync,
    ) -> Vec<T> {
        let contexts = ctx.snap.index.context.text.len();
        let memo: Vec<Vec<AtomicU8>> = self
            .preds
            .iter()
            .map(|(_, p)| match p {
                Pred::Word(_) | Pred::Phrase(_) | Pred::Place { .. } => {
                    (0..contexts).map(|_| AtomicU8::new(0)).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let test = |chunk: &[T]| -> Vec<T> {
            chunk
                .iter()
                .copied()
                .filter(|&t| rec_of(t).is_some_and(|r| self.matches_with(ctx, r, &memo)))
                .collect()
        };
        let threads = workers();
        if threads < 2 || items.len() < PARALLEL_MIN {
            return test(items);
        }
        // Small chunks handed out in turn, so that a core that meets the long texts does
        // not leave the other waiting; put back in order at the end.
        let size = (items.len() / (threads * 8)).max(PARALLEL_MIN / 4);
        let chunks: Vec<&[T]> = items.chunks(size).collect();
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(c) = chunks.get(i) else {
                    return done;
                };
                done.push((i, test(c)));
            }
        };
        let mut parts = std::thread::scope(|sc| {
            let others: Vec<_> = (1..threads).map(|_| sc.spawn(work)).collect();
            let mut parts = work();
            for h in others {
                // A panic in a helper is the filter's own panic: never a silently short list.
                parts.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            parts
        });
        parts.sort_by_key(|p| p.0);
        parts.into_iter().flat_map(|p| p.1).collect()
    }
}

/// Below this many records a filter runs on the calling thread alone.
const PARALLEL_MIN: usize = 4096;

/// How many threads a filter uses: the machine's cores.
fn workers() -> usize {
    static N: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *N.get_or_init(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8)
    })
}

/// A record's own folded text (its first line is its short title) and the shared context it
/// has: the names and spellings of its places and units.
fn texts<'a>(ctx: &Ctx<'a>, rec: Rec) -> (Cow<'a, str>, Option<u32>) {
    let ix = &ctx.snap.index;
    let c = &ix.context;
    let at = |v: &[u32], i: usize| v.get(i).copied();
    let own = |v: &'a Texts, i: usize| Cow::Borrowed(v.get(i).unwrap_or(""));
    match rec {
        Rec::Task(i) => (own(&ix.task_text, i), at(&c.task, i)),
        Rec::Blocker(i) => (own(&ix.blocker_text, i), at(&c.blocker, i)),
        Rec::Model(i) => (own(&ix.model_text, i), at(&c.model, i)),
        Rec::Assessment(i) => (own(&ix.assessment_text, i), at(&c.assessment, i)),
        Rec::Unit(i) => (own(&ix.unit_text, i), at(&c.unit, i)),
        Rec::Locality(i) => (own(&ix.locality_text, i), at(&c.locality, i)),
        Rec::Indicator(i) => (own(&ix.indicator_text, i), at(&c.indicator, i)),
        Rec::Today(i) => (own(&ix.today_text, i), None),
        Rec::Finding(i) => {
            let f = &ctx.findings[i];
            let s = fold_nfc(&format!(
                "{}\n{}\n{}\n{}",
                f.message,
                f.kind,
                f.subject,
                f.printed.as_deref().unwrap_or("")
            ));
            let place = f
                .report
                .as_deref()
                .and_then(|r| ix.report.get(r))
                .and_then(|&r| at(&c.report, r));
            (Cow::Owned(s), place)
        }
        Rec::Report(i) => {
            let r = &ctx.snap.reports[i];
            let s = fold_nfc(&format!("{}\n{}\n{}", r.short, r.title, r.issuer));
            (Cow::Owned(s), at(&c.report, i))
        }
    }
}

/// The short title of a record's own text: its first line.
fn title_of(all: &str) -> &str {
    all.split('\n').next().unwrap_or("")
}

/// Whether a word or phrase begins a word of shared context `k`, looked up once per query
/// (many records share one context): 0 not looked at yet, 1 no, 2 yes.
fn in_context(ctx: &Ctx, k: Option<u32>, w: &Word, memo: Option<&[AtomicU8]>) -> bool {
    let Some(k) = k else {
        return false;
    };
    let slot = memo.and_then(|m| m.get(k as usize));
    match slot.map(|s| s.load(Ordering::Relaxed)) {
        Some(1) => return false,
        Some(2) => return true,
        _ => {}
    }
    let hit = w.starts_a_word_in(ctx.snap.index.context.get(k));
    if let Some(s) = slot {
        s.store(if hit { 2 } else { 1 }, Ordering::Relaxed);
    }
    hit
}

/// A free word: it begins a word of the record's text or context, or (long enough) matches
/// its title loosely. The rule is `words`'.
fn word_matches(ctx: &Ctx, rec: Rec, w: &Word, memo: Option<&[AtomicU8]>) -> bool {
    let (all, k) = texts(ctx, rec);
    w.starts_a_word_in(&all) || in_context(ctx, k, w, memo) || w.loosely_in_title(title_of(&all))
}

fn eval(ctx: &Ctx, rec: Rec, p: &Pred, memo: Option<&[AtomicU8]>) -> bool {
    let s = ctx.snap;
    match p {
        Pred::Word(w) => word_matches(ctx, rec, w, memo),
        Pred::Phrase(ph) => {
            let (all, k) = texts(ctx, rec);
            ph.starts_a_word_in(&all) || in_context(ctx, k, ph, memo)
        }
        Pred::Place { phrase, ids } => {
            let (all, k) = texts(ctx, rec);
            phrase.starts_a_word_in(&all)
                || in_context(ctx, k, phrase, memo)
                || record_localities(ctx, rec).iter().any(|l| ids.contains(l))
        }
        Pred::Status(st) => matches!(rec, Rec::Task(i) if s.task_status(i) == *st),
        Pred::Units { any, ids } => match rec {
            Rec::Task(i) => {
                let t = &s.tasks[i];
                ctx.task_lead_units(i).iter().any(|u| ids.contains(*u))
                    || (*any
                        && t.coord_units
                            .iter()
                            .chain(&t.force_units)
                            .any(|u| ids.contains(u.as_str())))
            }
            Rec::Blocker(i) => {
                ctx.blocker_units(i).iter().any(|u| ids.contains(*u))
                    || (*any
                        && s.blockers[i]
                            .addressees
                            .iter()
                            .any(|u| ids.contains(u.as_str())))
            }
            Rec::Unit(i) => ids.contains(s.units[i].id.as_str()),
            _ => false,
        },
        Pred::Localities(ids) => record_localities(ctx, rec).iter().any(|l| ids.contains(l)),
        Pred::Model { number, deployed } => match rec {
            Rec::Task(i) => s.tasks[i].model == Some(*number),
            Rec::Blocker(i) => s.blockers[i].model == Some(*number),
            Rec::Assessment(i) => s.assessments[i].model == Some(*number),
            Rec::Model(i) => s.models[i].number == *number,
            // A province (or one of today's, through the provinces it absorbed) matches the
            // models some source lists as deployed there.
            Rec::Locality(_) | Rec::Today(_) => record_localities(ctx, rec)
                .iter()
                .any(|l| s.province_of(l).is_some_and(|p| deployed.contains(p))),
            _ => false,
        },
        Pred::Cause(c) => match rec {
            Rec::Blocker(i) => match c {
                Some(c) => s.blockers[i].causes.contains(c),
                None => s.blockers[i].causes.is_empty(),
            },
            _ => false,
        },
        Pred::Report(ids) => record_report(ctx, rec).is_some_and(|r| ids.contains(r)),
        Pred::Kind(k) => match rec {
            Rec::Blocker(i) => {
                let kind = s.blockers[i].kind;
                let key = match kind {
                    crate::domain::BlockerKind::Difficulty => ["difficulty", "kho-khan"],
                    crate::domain::BlockerKind::Gap => ["gap", "ton-tai"],
                    crate::domain::BlockerKind::Proposal => ["proposal", "kien-nghi"],
                };
                key.contains(&k.as_str())
            }
            Rec::Finding(i) => {
                let slug = |x: &str| fold_nfc(x).replace(' ', "-");
                let kind = &ctx.findings[i].kind;
                let k = slug(k);
                slug(kind) == k
                    || crate::store::reconcile::kind_aliases(kind)
                        .iter()
                        .any(|a| slug(a) == k)
            }
            Rec::Unit(i) => fold_nfc(&format!("{:?}", s.units[i].level)) == *k,
            _ => false,
        },
        Pred::Group(g) => match rec {
            Rec::Model(i) => fold_nfc(&s.models[i].group) == *g,
            Rec::Assessment(i) => s.assessments[i]
                .model
                .and_then(|m| s.model(m))
                .is_some_and(|m| fold_nfc(&m.group) == *g),
            Rec::Indicator(i) => s.indicators[i]
                .group
                .as_deref()
                .is_some_and(|x| fold_nfc(x).contains(g.as_str())),
            _ => false,
        },
        Pred::Overdue => matches!(rec, Rec::Task(i) if ctx.task_days_overdue(i).is_some()),
        Pred::Done => match rec {
            Rec::Task(i) => {
                s.task_status(i).is_done() || ctx.overlay.is_some_and(|o| o.decided_done(rec))
            }
            Rec::Blocker(_) => ctx.overlay.is_some_and(|o| o.decided_done(rec)),
            _ => false,
        },
        Pred::Open => match rec {
            Rec::Task(i) => {
                !s.task_status(i).is_done() && !ctx.overlay.is_some_and(|o| o.decided_done(rec))
            }
            Rec::Blocker(_) => !ctx.overlay.is_some_and(|o| o.decided_done(rec)),
            _ => false,
        },
    }
}
