//! The command line: `convene`, `new`, `open`, `demo`, `list`, `templates`, `export`.

use crate::app::App;
use crate::domain::session::Session;
use crate::domain::template::{DEFAULT_TEMPLATE, Template};
use crate::domain::timer::{Clock, SystemClock};
use crate::storage;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The example session `convene demo` opens a copy of.
const EXAMPLE: &str = include_str!("../sessions/example-workshop.json");

#[derive(Parser, Debug)]
#[command(
    name = "convene",
    version,
    about = "Run a live workshop from the terminal: timed steps, a projector countdown, sticky notes and an action plan."
)]
pub struct Cli {
    /// Folder that holds the session files (default: the platform data folder).
    #[arg(long, global = true, env = "CONVENE_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new session (the default when no command is given).
    New {
        /// A built-in template name (see `convene templates`) or a template file.
        #[arg(long, default_value = DEFAULT_TEMPLATE)]
        template: String,
        /// The session's title; the file name is made from it.
        #[arg(long)]
        title: Option<String>,
    },
    /// Resume a saved session: a file path, or a name in the sessions folder.
    Open { session: String },
    /// Open a copy of the example workshop (in the sessions folder) to try convene.
    Demo,
    /// List the saved sessions.
    List,
    /// List the workshop templates.
    Templates,
    /// Export a session: Markdown, CSV, HTML handout, calendar or JSON.
    Export {
        /// A file path, or a name in the sessions folder.
        session: String,
        #[arg(long, short, value_enum)]
        format: crate::export::Format,
        /// Output file, or - for standard output (default: exports/ beside the session).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("convene: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let dir = storage::sessions_dir(cli.dir.as_deref()).map_err(|e| e.to_string())?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    match cli.command.unwrap_or(Command::New {
        template: DEFAULT_TEMPLATE.into(),
        title: None,
    }) {
        Command::New { template, title } => {
            let template = Template::resolve(&template).map_err(|e| e.to_string())?;
            need_terminal()?;
            let now = clock.now();
            let title = title.unwrap_or_else(|| {
                Session::default_title(&template, now.with_timezone(&chrono::Local).naive_local())
            });
            let session = Session::new(template, &crate::domain::text::sanitize_line(&title), now);
            let path = storage::unique_path(&dir, &session.title);
            let lock = storage::lock(&path).map_err(|e| e.to_string())?;
            // Saved at once, so even a session quit in the first second exists.
            storage::save(&path, &storage::to_json(&session)).map_err(|e| e.to_string())?;
            open_app(session, path, clock, lock)
        }
        Command::Open { session } => {
            let path = storage::find_session(&dir, &session).map_err(|e| e.to_string())?;
            let session = storage::load(&path).map_err(|e| e.to_string())?;
            need_terminal()?;
            let lock = storage::lock(&path).map_err(|e| e.to_string())?;
            open_app(session, path, clock, lock)
        }
        Command::Demo => {
            need_terminal()?;
            let mut session = storage::parse(Path::new("example-workshop.json"), EXAMPLE)
                .map_err(|e| e.to_string())?;
            session.title = format!("{} (demo)", session.title);
            let path = storage::unique_path(&dir, &session.title);
            let lock = storage::lock(&path).map_err(|e| e.to_string())?;
            storage::save(&path, &storage::to_json(&session)).map_err(|e| e.to_string())?;
            open_app(session, path, clock, lock)
        }
        Command::List => {
            list(&dir);
            Ok(())
        }
        Command::Templates => {
            for t in Template::all_built_in() {
                println!(
                    "{:<26} {:>2} steps  {:>3} min  {}",
                    t.name,
                    t.steps.len(),
                    t.total_minutes,
                    t.title
                );
            }
            Ok(())
        }
        Command::Export {
            session,
            format,
            output,
        } => {
            let path = storage::find_session(&dir, &session).map_err(|e| e.to_string())?;
            let session = storage::load(&path).map_err(|e| e.to_string())?;
            let now = clock.now();
            let today = now.with_timezone(&chrono::Local).date_naive();
            match output.as_deref() {
                Some(out) if out == Path::new("-") => {
                    print!("{}", crate::export::render(&session, format, today, now));
                }
                out => {
                    let out = match out {
                        Some(out) => out.to_path_buf(),
                        None => {
                            let folder = crate::export::exports_dir(&path);
                            std::fs::create_dir_all(&folder)
                                .map_err(|e| format!("{}: {e}", folder.display()))?;
                            crate::export::export_path(&path, format)
                        }
                    };
                    crate::export::write_one(&session, format, today, now, &out)
                        .map_err(|e| e.to_string())?;
                    eprintln!("Wrote {}", out.display());
                }
            }
            Ok(())
        }
    }
}

fn need_terminal() -> Result<(), String> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err("this command needs a terminal (list, templates and export work without one)".into())
    }
}

/// Runs the app on a session whose lock we hold; the lock goes when the app ends.
fn open_app(
    session: Session,
    path: PathBuf,
    clock: Arc<dyn Clock>,
    _lock: storage::SessionLock,
) -> Result<(), String> {
    let mut app = App::new(session, path.clone(), clock);
    app.colour = crate::ui::theme::Theme::from_env(app.session.settings.theme).colour;
    app.offset = *chrono::Local::now().offset();
    crate::run::run(app).map_err(|e| format!("terminal error: {e}"))?;
    eprintln!("Saved to {}", path.display());
    Ok(())
}

fn list(dir: &Path) {
    let listed = storage::list(dir);
    if listed.is_empty() {
        println!("No sessions in {}", dir.display());
        return;
    }
    for entry in listed {
        let name = entry
            .path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        match entry.summary {
            Ok(s) => {
                let step = s.timing.current;
                println!(
                    "{name:<32} {:<36} {:<24} saved {}  step {}/{}: {}",
                    crate::domain::text::shorten(&s.title, 36),
                    s.workshop.name,
                    s.saved_at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    step + 1,
                    s.steps().len(),
                    s.steps()[step].title
                );
            }
            Err(e) => println!("{name:<32} cannot be read: {}", e.reason),
        }
    }
}
