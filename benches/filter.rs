//! Measures what a keystroke in the filter bar costs: compiling the query and filtering every
//! task of the shipped snapshot, and the same over a list grown to 200,000 rows (the shipped
//! tasks repeated) to see how the design scales. Prints medians; asserts nothing.
//!
//! cargo bench --bench filter

use std::time::{Duration, Instant};

use giaoban::query::{Compiled, Ctx, Rec};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let loaded = giaoban::store::load_embedded().expect("the shipped snapshot loads");
    let snap = &loaded.snapshot;
    let ctx = Ctx {
        snap,
        findings: &loaded.findings,
        as_of: snap.as_of.unwrap_or_default(),
        overlay: None,
    };
    let tasks: Vec<Rec> = (0..snap.tasks.len()).map(Rec::Task).collect();
    let big: Vec<Rec> = tasks
        .iter()
        .cycle()
        .take(200_000.min(tasks.len() * 10_000))
        .copied()
        .collect();
    println!(
        "shipped snapshot: {} tasks; large list: {} rows",
        tasks.len(),
        big.len()
    );
    for q in [
        "binh dinh",
        "dich vu cong",
        "unit:STTTT overdue",
        "-status:done cause:funding",
        "kiosk",
    ] {
        for (name, rows) in [("shipped", &tasks), ("200k", &big)] {
            let runs = if name == "shipped" { 200 } else { 5 };
            let mut times = Vec::new();
            let mut n = 0;
            for _ in 0..runs {
                let t = Instant::now();
                let c = Compiled::parse(q, snap).expect("query parses");
                n = c.filter(&ctx, rows).len();
                times.push(t.elapsed());
            }
            println!(
                "{q:<30} {name:<8} {:>10.3} ms  ({n} rows match)",
                median(times).as_secs_f64() * 1000.0
            );
        }
    }
}
