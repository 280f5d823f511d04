use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use giaoban::cli;

/// giaoban — bảng điều khiển giao ban Đề án 06 / the Đề án 06 briefing console.
#[derive(Parser, Debug)]
#[command(name = "giaoban", version, about)]
struct Args {
    /// A snapshot folder (with manifest.ron) or file; the shipped snapshot when omitted.
    path: Option<PathBuf>,
    /// Count overdue against this date (YYYY-MM-DD) instead of the snapshot's own date.
    #[arg(long, global = true, value_parser = cli::parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// Language of the console: vi (default) or en.
    #[arg(long, global = true, default_value = "vi", value_parser = ["vi", "en"])]
    lang: String,
    /// Theme: dark, light, high-contrast, or the path of a theme.ron.
    #[arg(long)]
    theme: Option<String>,
    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    no_mouse: bool,
    /// The decision journal (default: journal.ron beside the snapshot folder; for the shipped
    /// snapshot, $XDG_DATA_HOME/giaoban/journal.ron).
    #[arg(long, value_name = "PATH")]
    journal: Option<PathBuf>,
    /// Compare with the snapshot of this date (of a history folder) or at this path, instead of
    /// the one before the newest.
    #[arg(long, value_name = "DATE|PATH")]
    since: Option<String>,
    /// The largest input file read (snapshot file, journal, keys.ron, theme.ron), in MB.
    #[arg(long, global = true, value_name = "MB", default_value_t = giaoban::store::files::DEFAULT_MAX_FILE_MB)]
    max_file_size: u64,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a snapshot: counts, errors (file:line:column), warnings, reconciliation findings.
    Check {
        /// Snapshot folder or file (the shipped snapshot when omitted).
        path: Option<PathBuf>,
    },
    /// Write records to standard output (or --out FILE), one per row.
    Export {
        /// models, assessments, tasks, blockers, units, localities, today, indicators, benefits, reports or findings
        kind: String,
        /// json, csv (UTF-8 with a byte-order mark, headers in --lang) or xlsx.
        #[arg(long, default_value = "json", value_parser = ["json", "csv", "xlsx"])]
        format: String,
        /// CSV delimiter: ',' (default), ';' (for a decimal comma) or 'tab'.
        #[arg(long, default_value = ",", allow_hyphen_values = true)]
        delimiter: String,
        /// Add the decisions in force as columns (from this journal, or the default one).
        #[arg(long, value_name = "PATH", num_args = 0..=1)]
        journal: Option<Option<PathBuf>>,
        /// Write to this file instead of standard output (a name taken gets -2, -3 …).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Keep only the records that match this query (the console's query language).
        #[arg(long, allow_hyphen_values = true)]
        filter: Option<String>,
        /// Snapshot folder or file (the shipped snapshot when omitted).
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// What changed between two snapshots (by default the shipped newest and the one before).
    Diff {
        /// The older snapshot (a folder, a file, or a dated folder of a history); or a history
        /// folder, to compare its newest snapshot with the one before.
        old: Option<PathBuf>,
        /// The newer snapshot.
        new: Option<PathBuf>,
        #[arg(long, default_value = "md", value_parser = ["md", "json", "csv"])]
        format: String,
    },
    /// Write a national-scale snapshot made from the shipped one (for measuring the console).
    Gen {
        /// How many tasks to generate (blockers, indicators and assessments follow in the
        /// shipped proportions).
        #[arg(long)]
        tasks: usize,
        /// The same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write (created when missing).
        out_dir: PathBuf,
    },
    /// Record decisions on a task or a blocker in the decision journal.
    Decide(cli::decide::DecideArgs),
    /// List the decision journal: its records, the decisions in force, and its warnings.
    Journal {
        /// The journal file (default: journal.ron beside the snapshot).
        path: Option<PathBuf>,
        /// Snapshot folder or file (the shipped snapshot when omitted).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Continue a journal written against another snapshot with this one.
        #[arg(long)]
        adopt: bool,
        /// Check the journal's hash chain: deleted, moved or edited records, a cut end, and
        /// what is still trusted (exit 1 when broken).
        #[arg(long, conflicts_with = "adopt")]
        verify: bool,
    },
    /// An update template (xlsx) for a province or a unit: its open tasks, blockers and
    /// indicators, key columns locked, statuses from a list, a sheet of instructions.
    Template {
        /// A province (of 2024, or of today: then every province it absorbed).
        #[arg(long, value_name = "ID")]
        locality: Option<String>,
        /// A unit, by id or any spelling.
        #[arg(long, value_name = "ID")]
        unit: Option<String>,
        /// The workbook to write (a name taken gets -2, -3 …).
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// Snapshot folder, history or file (the shipped snapshot when omitted).
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Read returned templates (xlsx or csv), check every cell, and write a new dated
    /// snapshot into a history (nothing is written when a cell is wrong, unless --partial).
    Import {
        /// The returned files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The history folder (sub-folders YYYY-MM-DD): the new snapshot goes there.
        #[arg(long, value_name = "HISTORY")]
        into: PathBuf,
        /// Write the rows that are right and list the others.
        #[arg(long)]
        partial: bool,
        /// The snapshot to start from when the history has none yet (default: the shipped one).
        #[arg(long, value_name = "PATH")]
        base: Option<PathBuf>,
    },
    /// The conclusions notice (thông báo kết luận, form 1.4) of the last meeting: Markdown or
    /// text to standard output, or a Word document written to a new file.
    Minutes {
        /// Decisions recorded on or after this day (default: the last meeting's day only).
        #[arg(long, value_parser = cli::parse_date, value_name = "YYYY-MM-DD")]
        since: Option<chrono::NaiveDate>,
        #[arg(long, default_value = "md", value_parser = ["md", "txt", "docx"])]
        format: String,
        /// The journal file (default: journal.ron beside the snapshot).
        #[arg(long)]
        journal: Option<PathBuf>,
        /// Snapshot folder or file (the shipped snapshot when omitted).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Issuer, symbol, signer, recipients (default: $XDG_CONFIG_HOME/giaoban/notice.ron).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Leave out the appendix of sources.
        #[arg(long)]
        no_sources: bool,
        /// The minutes of the last recorded meeting (biên bản, form 1.9) instead of the notice.
        #[arg(long)]
        bien_ban: bool,
        /// Write to this file (a name taken gets -2, -3 …); a docx goes to
        /// thong-bao-ket-luan-DATE.docx in the current folder by default.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    giaoban::tui::loading::mark_start();
    let args = Args::parse();
    // A progress bar while a snapshot loads, on a terminal (silent when piped); the console
    // shows its own loading screen instead.
    let _load_bar = args.command.is_some().then(cli::progress::LoadBar::install);
    giaoban::store::files::set_max_file_mb(args.max_file_size);
    // Everything printed for people goes through the inert writer: nothing a file holds can
    // act on the terminal. `export` writes data (JSON and CSV escape it their own way).
    let stdout = std::io::stdout();
    let mut out = cli::inert::InertWriter::new(stdout.lock());
    let mut err = cli::inert::InertWriter::new(std::io::stderr());
    let code = match args.command {
        Some(Command::Check { path }) => {
            cli::check::run(path.as_deref(), args.lang != "en", &mut out).unwrap_or(2)
        }
        Some(Command::Export {
            kind,
            format,
            filter,
            data,
            delimiter,
            journal,
            out: out_file,
        }) => cli::export::run(
            &kind,
            &format,
            filter.as_deref(),
            data.as_deref(),
            journal.as_ref().map(|j| j.as_deref()),
            &delimiter,
            out_file.as_deref(),
            args.as_of,
            giaoban::journal::Lang::parse(&args.lang).unwrap_or_default(),
            // Data, not messages: written as it is (CSV and JSON escape it their own way).
            &mut std::io::stdout().lock(),
            &mut err,
        ),
        Some(Command::Diff { old, new, format }) => cli::diff::run(
            old.as_deref(),
            new.as_deref(),
            args.since.as_deref(),
            &format,
            args.lang != "en",
            &mut out,
            &mut err,
        ),
        Some(Command::Gen {
            tasks,
            seed,
            out_dir,
        }) => cli::gen::run(tasks, seed, &out_dir, &mut out),
        Some(Command::Decide(d)) => cli::decide::run(&d, &mut out, &mut err),
        Some(Command::Journal {
            path,
            data,
            verify: true,
            ..
        }) => cli::verify::run(path.as_deref(), data.as_deref(), &mut out, &mut err),
        Some(Command::Journal {
            path, data, adopt, ..
        }) => cli::journal::run(
            path.as_deref(),
            data.as_deref(),
            adopt,
            giaoban::journal::Lang::parse(&args.lang).unwrap_or_default(),
            &mut out,
            &mut err,
        ),
        Some(Command::Template {
            locality,
            unit,
            out: out_file,
            data,
        }) => cli::update::template(
            locality.as_deref(),
            unit.as_deref(),
            &out_file,
            data.as_deref(),
            args.lang != "en",
            &mut out,
            &mut err,
        ),
        Some(Command::Import {
            files,
            into,
            partial,
            base,
        }) => cli::update::import(
            &cli::update::ImportArgs {
                files,
                into,
                as_of: args.as_of,
                partial,
                base,
                vi: args.lang != "en",
            },
            &mut out,
            &mut err,
        ),
        Some(Command::Minutes {
            since,
            format,
            journal,
            data,
            config,
            no_sources,
            bien_ban,
            out: out_file,
        }) => cli::minutes::run(
            &cli::minutes::MinutesArgs {
                since,
                format: giaoban::journal::minutes::Format::parse(&format).unwrap_or_default(),
                lang: giaoban::journal::Lang::parse(&args.lang).unwrap_or_default(),
                journal,
                data,
                config,
                sources: !no_sources,
                out: out_file,
                record: bien_ban,
            },
            &mut out,
            &mut err,
        ),
        None => cli::console::run(
            cli::console::ConsoleArgs {
                path: args.path,
                since: args.since,
                journal: args.journal,
                as_of: args.as_of,
                lang: args.lang,
                theme: args.theme,
                mouse: !args.no_mouse,
            },
            &mut out,
            &mut err,
        ),
    };
    ExitCode::from(code as u8)
}
