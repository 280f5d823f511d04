//! The overdue view's groups: overdue tasks by lead unit (by its label: units of one label
//! share a group), each group most late first, the groups ordered by their most late task.
//! Worked out once when the console opens, then kept: a decision takes its task out of the
//! groups it was in and puts it where it now belongs.

use std::collections::HashMap;

use crate::query::{Ctx, Rec};
use crate::tui::rows::Row;

/// The overdue tasks in their groups.
#[derive(Debug, Clone, Default)]
pub struct Overdue {
    /// Each group's name and its tasks as (days late, task index), most late first, then in
    /// the snapshot's order. A group the decisions emptied stays here, unlisted.
    groups: Vec<(String, Vec<(i64, usize)>)>,
    by_name: HashMap<String, usize>,
    /// How many tasks are overdue (each once, whatever groups it is in).
    tasks: usize,
}

/// The group of an overdue task no unit we know leads: the lead as the report wrote it.
fn no_unit_group(ctx: &Ctx, i: usize) -> String {
    let raw = crate::text::one_line(&ctx.snap.tasks[i].lead_raw);
    if raw.is_empty() {
        "(không ghi đơn vị chủ trì)".to_string()
    } else {
        raw
    }
}

/// Most late first, then in the snapshot's order.
fn order(a: &(i64, usize), b: &(i64, usize)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

impl Overdue {
    /// Every overdue task of `ctx`, in one pass.
    pub fn compute(ctx: &Ctx) -> Overdue {
        let s = ctx.snap;
        let mut o = Overdue::default();
        // Each unit's label is made once (units of the same label share a group).
        let mut unit_group: HashMap<&str, usize> = HashMap::new();
        for i in 0..s.tasks.len() {
            let Some(late) = ctx.task_days_overdue(i) else {
                continue;
            };
            o.tasks += 1;
            let leads = ctx.task_lead_units(i);
            if leads.is_empty() {
                let g = o.group(no_unit_group(ctx, i));
                o.groups[g].1.push((late, i));
            }
            for u in leads {
                let g = match unit_group.get(u) {
                    Some(&g) => g,
                    None => {
                        let g = o.group(s.unit_label(u));
                        unit_group.insert(u, g);
                        g
                    }
                };
                o.groups[g].1.push((late, i));
            }
        }
        for (_, v) in &mut o.groups {
            v.sort_by(order);
        }
        o
    }

    fn group(&mut self, name: String) -> usize {
        *self.by_name.entry(name).or_insert_with_key(|name| {
            self.groups.push((name.clone(), Vec::new()));
            self.groups.len() - 1
        })
    }

    /// Put task `i` in its groups (or take it out of them), as `ctx` sees it: an overdue task
    /// goes in each of its lead units' groups, at its place in each.
    pub fn task(&mut self, ctx: &Ctx, i: usize, add: bool) {
        let Some(late) = ctx.task_days_overdue(i) else {
            return;
        };
        let leads = ctx.task_lead_units(i);
        let names: Vec<String> = if leads.is_empty() {
            vec![no_unit_group(ctx, i)]
        } else {
            leads.iter().map(|u| ctx.snap.unit_label(u)).collect()
        };
        let entry = (late, i);
        if add {
            self.tasks += 1;
            for name in names {
                let g = self.group(name);
                let v = &mut self.groups[g].1;
                let at = v.partition_point(|e| order(e, &entry).is_lt());
                v.insert(at, entry);
            }
        } else {
            self.tasks = self.tasks.saturating_sub(1);
            for name in names {
                let Some(&g) = self.by_name.get(&name) else {
                    continue;
                };
                let v = &mut self.groups[g].1;
                let at = v.partition_point(|e| order(e, &entry).is_lt());
                if v.get(at) == Some(&entry) {
                    v.remove(at);
                }
            }
        }
    }

    /// The groups listed (those with a task), in the view's order: by their most late task,
    /// then the larger first, then by name.
    fn listed(&self) -> Vec<&(String, Vec<(i64, usize)>)> {
        let mut out: Vec<&(String, Vec<(i64, usize)>)> =
            self.groups.iter().filter(|g| !g.1.is_empty()).collect();
        out.sort_by(|a, b| {
            b.1[0]
                .0
                .cmp(&a.1[0].0)
                .then(b.1.len().cmp(&a.1.len()))
                .then(a.0.cmp(&b.0))
        });
        out
    }

    /// The view's rows: each group's header, then its tasks.
    pub fn rows(&self) -> Vec<Row> {
        let listed = self.listed();
        let mut out =
            Vec::with_capacity(listed.len() + listed.iter().map(|g| g.1.len()).sum::<usize>());
        for (name, v) in listed {
            out.push(Row::Header(name.clone(), None));
            out.extend(v.iter().map(|&(_, i)| Row::Rec(Rec::Task(i))));
        }
        out
    }

    /// Each group listed and how many tasks it has, in the view's order.
    pub fn sizes(&self) -> Vec<(&str, usize)> {
        self.listed()
            .into_iter()
            .map(|(name, v)| (name.as_str(), v.len()))
            .collect()
    }

    /// How many tasks are overdue (each once).
    pub fn tasks(&self) -> usize {
        self.tasks
    }
}
