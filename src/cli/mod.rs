//! The command line: its definition here, one file per group of commands.

mod config;
mod digest;
mod session;
mod shell;
mod status;
mod templates;

use crate::app::Keymap;
use crate::domain::timer::{Clock, ShiftedClock, SystemClock};
use crate::storage;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// What convene's exit status means; `--help`'s footer and the man page show it.
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "success"),
    (
        1,
        "an error, explained on standard error: a session, template or output file that \
         cannot be used or written, or problems found by `templates check` or `config` \
         (a broken config alone never stops a workshop)",
    ),
    (
        2,
        "a wrong command line: an unknown command or option, a missing value",
    ),
    (
        3,
        "`status` only: the plan has overdue actions (the plan's state is printed as for 0)",
    ),
];

fn after_help() -> String {
    let mut text = String::from("Exit status:\n");
    for (code, meaning) in EXIT_STATUS {
        text.push_str(&format!("  {code}  {meaning}\n"));
    }
    text
}

#[derive(Parser, Debug)]
#[command(
    name = "convene",
    version,
    about = "Run a live workshop from the terminal: timed steps, a projector countdown, sticky notes and an action plan.",
    after_help = after_help()
)]
pub struct Cli {
    /// Folder that holds the session files (default: the config's `sessions`, else the
    /// platform data folder).
    #[arg(long, global = true, env = "CONVENE_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The config file (default: config.toml in the platform config folder).
    #[arg(long, global = true, env = "CONVENE_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Pretend it is this moment (YYYY-MM-DD, at 09:00, or YYYY-MM-DDTHH:MM, local
    /// time): to try a review weeks after a workshop. The clock runs on from there.
    #[arg(long, global = true, env = "CONVENE_NOW", value_name = "DATE")]
    pub now: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Sharing with the room's phones, from the start.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ShareArgs {
    /// Share at once: the projector shows the join code for the room's phones.
    #[arg(long)]
    pub share: bool,
    /// Where sharing listens (default: the first private IPv4 address, port 7878).
    #[arg(long, value_name = "ADDR[:PORT]")]
    pub bind: Option<crate::share::Bind>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new session (the default when no command is given).
    New {
        /// A template: a name from `convene templates` or a template file (default: the
        /// config's `template`, else action-planning).
        #[arg(long, value_name = "NAME|PATH")]
        template: Option<String>,
        /// The session's title; the file name is made from it.
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        share: ShareArgs,
    },
    /// Resume a saved session: a file path, or a name in the sessions folder.
    Open {
        /// A file path, or a name in the sessions folder.
        session: String,
        #[command(flatten)]
        share: ShareArgs,
    },
    /// Open a copy of the example workshop (in the sessions folder) to try convene.
    Demo {
        #[command(flatten)]
        share: ShareArgs,
    },
    /// Show the room's screen of a session another terminal runs (for the projector):
    /// read-only, it follows every change. q closes it.
    Mirror {
        /// A file path, or a name in the sessions folder.
        session: String,
    },
    /// List the saved sessions, with each plan's next review and overdue actions.
    List,
    /// Open a session's plan in a review meeting (the plan-review agenda, on its own
    /// clock): the table opens on what is overdue or due before the next review.
    Review {
        /// A file path, or a name in the sessions folder.
        session: String,
        /// Who is at the review, for its record (`--attendees "Ana Lopez, Ben"`).
        #[arg(long, value_delimiter = ',', value_name = "NAMES")]
        attendees: Vec<String>,
        /// A review template (`"review": true`) to run instead of plan-review: a name
        /// from `convene templates` or a file. The session keeps it for its next reviews.
        #[arg(long, value_name = "NAME|PATH")]
        template: Option<String>,
    },
    /// Print where a session's plan stands: progress per initiative, overdue actions
    /// and their owners, the next review. Exit status 3 when actions are overdue.
    Status {
        /// A file path, or a name in the sessions folder.
        session: String,
    },
    /// List the workshop templates (built in and yours), or show, check or describe one.
    Templates {
        #[command(subcommand)]
        command: Option<TemplatesCommand>,
    },
    /// Export a session: Markdown, CSV, HTML handout, calendar or JSON.
    Export {
        /// A file path, or a name in the sessions folder.
        session: String,
        /// What to write.
        #[arg(long, short, value_enum)]
        format: crate::export::Format,
        /// Output file, or - for standard output (default: exports/ beside the session).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// With --format csv: this table of the plan (by its key, e.g. milestones)
        /// instead of the first; its rows under their parents.
        #[arg(long, value_name = "KEY")]
        table: Option<String>,
        /// With --format digest or digest-html: one file a person, in the folder -o
        /// names (default: exports/NAME-digest/ beside the session).
        #[arg(long)]
        each: bool,
    },
    /// Show the config file's path and the settings in effect.
    Config {
        /// Print a commented config file to start from instead.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Bash: convene completions bash > ~/.local/share/bash-completion/completions/convene\n\
                      Zsh:  convene completions zsh > ~/.zfunc/_convene (with ~/.zfunc in fpath)\n\
                      Fish: convene completions fish > ~/.config/fish/completions/convene.fish"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (e.g. `convene man | man -l -`).
    Man,
}

#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// Print a template, to start one of your own from.
    Show {
        /// A name from `convene templates`.
        name: String,
    },
    /// Check a template file: its shape, then the rules (minutes adding up, columns…).
    Check {
        /// A template file, or a name from `convene templates`.
        file: String,
    },
    /// Print the JSON Schema of the template format, for editors.
    Schema,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("convene: {message}");
            ExitCode::FAILURE
        }
    }
}

/// What the commands that read the config share.
pub(crate) struct Setup {
    pub config: storage::config::Loaded,
    pub sessions: PathBuf,
    /// What is wrong with the config, one line each, naming the file.
    pub notices: Vec<String>,
    /// The default keys with the config's changes.
    pub keymap: Keymap,
    /// The time: the system's, or the one `--now` pretends.
    pub clock: Arc<dyn Clock>,
}

impl Setup {
    /// Reads the config; a broken one is reported, never fatal.
    fn load(dir: Option<&Path>, config: Option<&Path>, now: Option<&str>) -> Result<Setup, String> {
        let clock: Arc<dyn Clock> = match now {
            Some(text) => Arc::new(ShiftedClock::starting_at(parse_now(text)?)),
            None => Arc::new(SystemClock),
        };
        let mut loaded = storage::config::load(config);
        // The keymap says which key changes it can take; what it cannot is reported
        // with the config's other problems, by line.
        let (keymap, key_problems) = Keymap::patched(&loaded.config.keys);
        loaded
            .problems
            .extend(key_problems.into_iter().map(|p| crate::config::Problem {
                line: p.line,
                column: 0,
                message: p.message,
            }));
        loaded.problems.sort_by_key(|p| p.line);
        let sessions = match (dir, &loaded.config.sessions, &loaded.path) {
            (Some(dir), _, _) => dir.to_path_buf(),
            (None, Some(written), Some(file)) => storage::config::resolve_sessions(written, file),
            _ => storage::sessions_dir(None).map_err(|e| e.to_string())?,
        };
        Ok(Setup {
            notices: config::notices(&loaded),
            config: loaded,
            sessions,
            keymap,
            clock,
        })
    }

    /// Today, in the facilitator's time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().with_timezone(&chrono::Local).date_naive()
    }

    /// The user's templates folder, beside the config file.
    pub fn templates_dir(&self) -> Option<PathBuf> {
        self.config
            .path
            .as_deref()
            .map(storage::config::templates_dir)
    }
}

/// `--now`: a day (at 09:00) or a day and a time, local; or an RFC 3339 timestamp.
fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    let local = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
            Some(day.and_time(NaiveTime::from_hms_opt(9, 0, 0)?))
        })
        .ok_or_else(|| {
            format!(
                "--now {text:?}: write a day (2027-01-16) or a day and a time (2027-01-16T14:30)"
            )
        })?;
    Local
        .from_local_datetime(&local)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| format!("--now {text:?}: no such local time"))
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let command = cli.command.unwrap_or(Command::New {
        template: None,
        title: None,
        share: ShareArgs::default(),
    });
    // A broken config is said before anything else, and never stops a command.
    let setup = || {
        let setup = Setup::load(
            cli.dir.as_deref(),
            cli.config.as_deref(),
            cli.now.as_deref(),
        )?;
        for notice in &setup.notices {
            eprintln!("convene: {notice}");
        }
        Ok::<_, String>(setup)
    };
    let done = match command {
        Command::Status { session } => return status::run(&setup()?, &session),
        Command::Review {
            session,
            attendees,
            template,
        } => session::review(&setup()?, &session, &attendees, template.as_deref()),
        Command::New {
            template,
            title,
            share,
        } => session::new(&setup()?, template, title, &share),
        Command::Open { session, share } => session::open(&setup()?, &session, &share),
        Command::Demo { share } => session::demo(&setup()?, &share),
        Command::Mirror { session } => session::mirror(&setup()?, &session),
        Command::List => session::list(&setup()?),
        Command::Export {
            session,
            format,
            output,
            table: _,
            each: true,
        } => digest::each(&setup()?, &session, format, output.as_deref()),
        Command::Export {
            session,
            format,
            output,
            table,
            each: false,
        } => session::export(
            &setup()?,
            &session,
            format,
            output.as_deref(),
            table.as_deref(),
        ),
        Command::Templates { command } => {
            let templates = storage::config::config_path(cli.config.as_deref())
                .map(|file| storage::config::templates_dir(&file));
            templates::run(command, templates.as_deref())
        }
        Command::Config { default } => {
            let setup = Setup::load(
                cli.dir.as_deref(),
                cli.config.as_deref(),
                cli.now.as_deref(),
            )?;
            config::run(&setup, cli.dir.is_some(), default)
        }
        Command::Completions { shell } => {
            shell::completions(shell);
            Ok(())
        }
        Command::Man => shell::man().map_err(|e| e.to_string()),
    };
    done.map(|()| ExitCode::SUCCESS)
}
