//! The session commands: `new`, `open`, `demo`, `list` and `export`.

use super::{Setup, ShareArgs};
use crate::app::App;
use crate::domain::session::Session;
use crate::domain::template::{DEFAULT_TEMPLATE, Template};
use crate::storage;
use std::io::IsTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The example session `convene demo` opens a copy of.
const EXAMPLE: &str = include_str!("../../sessions/example-workshop.json");

pub fn new(
    setup: &Setup,
    template: Option<String>,
    title: Option<String>,
    share: &ShareArgs,
) -> Result<(), String> {
    let mut notices = setup.notices.clone();
    let user_templates = setup.templates_dir();
    let template = match (template, &setup.config.config.template) {
        (Some(name), _) => storage::templates::resolve(&name, user_templates.as_deref())
            .map_err(|e| e.to_string())?,
        // The config's template failing must not stop the workshop: say so, use the default.
        (None, Some(name)) => storage::templates::resolve(name, user_templates.as_deref())
            .unwrap_or_else(|e| {
                let notice = format!(
                    "the config's template {name:?} cannot be used, so {DEFAULT_TEMPLATE} is: {e}"
                );
                eprintln!("convene: {notice}");
                notices.push(notice);
                Template::default_template()
            }),
        (None, None) => Template::default_template(),
    };
    if template.review {
        return Err(format!(
            "{} is a review meeting, run on a session's plan: convene review SESSION",
            template.name
        ));
    }
    need_terminal()?;
    let now = setup.clock.now();
    let title = title.unwrap_or_else(|| {
        Session::default_title(&template, now.with_timezone(&chrono::Local).naive_local())
    });
    let session = Session::new(template, &crate::domain::text::sanitize_line(&title), now);
    start_new(setup, session, &notices, share)
}

pub fn open(setup: &Setup, name: &str, share: &ShareArgs) -> Result<(), String> {
    open_file(setup, name, None, share)
}

/// `convene review`: the session opened in its review meeting, refused as `open` is
/// when another convene has it open.
pub fn review(
    setup: &Setup,
    name: &str,
    attendees: &[String],
    template: Option<&str>,
) -> Result<(), String> {
    let agenda = match template {
        Some(t) => {
            let agenda = storage::templates::resolve(t, setup.templates_dir().as_deref())
                .map_err(|e| e.to_string())?;
            if !agenda.review {
                return Err(format!(
                    "{} is a workshop, not a review's agenda (a review template says \"review\": true)",
                    agenda.name
                ));
            }
            Some(agenda)
        }
        None => None,
    };
    open_file(
        setup,
        name,
        Some((attendees, agenda)),
        &ShareArgs::default(),
    )
}

/// The attendees of a review meeting to open, and the agenda it runs if not its own.
type ReviewWith<'a> = (&'a [String], Option<Template>);

/// `review`: the review meeting to open, when it is one.
fn open_file(
    setup: &Setup,
    name: &str,
    review: Option<ReviewWith>,
    share: &ShareArgs,
) -> Result<(), String> {
    let path = storage::find_session(&setup.sessions, name).map_err(|e| e.to_string())?;
    let (mut session, text) = storage::load_text(&path).map_err(|e| e.to_string())?;
    need_terminal()?;
    let lock = storage::lock(&path).map_err(|e| e.to_string())?;
    match &review {
        // `open` shows the workshop; `review` resumes the meeting.
        None if session.in_review.is_some() => {
            session.close_review(setup.clock.now());
        }
        // The agenda this review and the next ones run.
        Some((_, Some(agenda))) => {
            session.review_agenda = Some(agenda.clone());
            // The reviews' clocks fit the agenda's steps.
            session.normalize();
        }
        _ => {}
    }
    open_app(
        setup,
        session,
        (path, &text),
        lock,
        &setup.notices,
        review,
        share,
    )
}

/// The room's screen: follows the session read-only until `q`.
pub fn mirror(setup: &Setup, name: &str) -> Result<(), String> {
    let path = storage::find_session(&setup.sessions, name).map_err(|e| e.to_string())?;
    let (session, text) = storage::load_text(&path).map_err(|e| e.to_string())?;
    need_terminal()?;
    let mut mirror = crate::mirror::Mirror::new(session, setup.clock.clone());
    mirror.keymap = setup.keymap.clone();
    mirror.facilitator = storage::presence::facilitator(&path);
    mirror.colour = crate::ui::theme::Theme::from_env(mirror.session.settings.theme).colour;
    crate::run::mirror::run(mirror, &path, &text).map_err(|e| format!("terminal error: {e}"))
}

pub fn demo(setup: &Setup, share: &ShareArgs) -> Result<(), String> {
    need_terminal()?;
    let mut session =
        storage::parse(Path::new("example-workshop.json"), EXAMPLE).map_err(|e| e.to_string())?;
    session.title = format!("{} (demo)", session.title);
    start_new(setup, session, &setup.notices, share)
}

/// A new session file, saved at once (so even a session quit in the first second
/// exists), then opened. Like any new session, a demo's copy starts with the
/// config's theme, bell and panel.
fn start_new(
    setup: &Setup,
    mut session: Session,
    notices: &[String],
    share: &ShareArgs,
) -> Result<(), String> {
    session.settings = setup.config.config.session.clone();
    let path = storage::unique_path(&setup.sessions, &session.title);
    let lock = storage::lock(&path).map_err(|e| e.to_string())?;
    let text = storage::to_json(&session);
    storage::save(&path, &text).map_err(|e| e.to_string())?;
    open_app(setup, session, (path, &text), lock, notices, None, share)
}

fn need_terminal() -> Result<(), String> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err("this command needs a terminal (list, templates and export work without one)".into())
    }
}

/// Runs the app on a session whose lock we hold; the lock goes when the app ends.
/// `review`: in its review meeting; `share`: share with phones from the start. `on_disk`: the session's file and its text now. What is wrong with the config, said
/// on standard error already, shows in the app's status line too.
fn open_app(
    setup: &Setup,
    session: Session,
    (path, on_disk): (PathBuf, &str),
    _lock: storage::SessionLock,
    notices: &[String],
    review: Option<ReviewWith>,
    share: &ShareArgs,
) -> Result<(), String> {
    let mut app = App::new(session, path.clone(), setup.clock.clone());
    // Before a review is opened: it is dated by the room's local day, not UTC's.
    app.offset = *chrono::Local::now().offset();
    if let Some((attendees, _)) = review {
        app.open_review_meeting();
        app.add_attendees(attendees);
    }
    app.keymap = setup.keymap.clone();
    app.colour = crate::ui::theme::Theme::from_env(app.session.settings.theme).colour;
    if let Some(first) = notices.first() {
        // The status line is one row: paths from the config's folder on are enough.
        let first = match setup.config.path.as_deref().and_then(Path::parent) {
            Some(folder) => first.replace(&format!("{}/", folder.display()), ""),
            None => first.clone(),
        };
        let more = match notices.len() {
            1 => String::new(),
            n => format!(" (and {} more: convene config)", n - 1),
        };
        app.warn(format!("{first}{more}"));
    }
    if share.share {
        app.update(crate::app::Action::Share(
            crate::app::share::ShareAction::Panel,
        ));
    }
    let ours = storage::watch::Fingerprints::default();
    ours.add(on_disk);
    // Standard error may be a terminal that is gone (a hang-up): the save is done, so
    // a failed line here is not worth a panic.
    let _ = match crate::run::run(app, ours, share.bind).map_err(|e| e.to_string())? {
        None => writeln!(std::io::stderr(), "Saved to {}", path.display()),
        Some(copy) => writeln!(
            std::io::stderr(),
            "{} was changed outside convene and not overwritten: your version is saved to {}",
            path.display(),
            copy.display()
        ),
    };
    Ok(())
}

pub fn list(setup: &Setup) -> Result<(), String> {
    let dir = &setup.sessions;
    let today = setup.today();
    let listed = storage::list(dir);
    if listed.is_empty() {
        println!("No sessions in {}", dir.display());
        return Ok(());
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
                // What needs attention first: the next review and what is late today.
                let overdue = crate::domain::progress::PlanProgress::of(&s, today)
                    .map_or(0, |p| p.whole.overdue);
                println!(
                    "{name:<32} {:<36} {:<24} saved {}  next review {}  {overdue} overdue  step {}/{}: {}",
                    crate::domain::text::shorten(&s.title, 36),
                    s.workshop.name,
                    s.saved_at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    crate::export::status::next_review(&s, today),
                    step + 1,
                    s.workshop.steps.len(),
                    s.workshop.steps[step].title
                );
            }
            Err(e) => println!("{name:<32} cannot be read: {}", e.reason),
        }
    }
    Ok(())
}

pub fn export(
    setup: &Setup,
    name: &str,
    format: crate::export::Format,
    output: Option<&Path>,
    table: Option<&str>,
) -> Result<(), String> {
    let path = storage::find_session(&setup.sessions, name).map_err(|e| e.to_string())?;
    let session = storage::load(&path).map_err(|e| e.to_string())?;
    if let Some(key) = table {
        return export_table(&session, &path, format, key, output);
    }
    let now = setup.clock.now();
    let today = setup.today();
    match output {
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

/// `export --format csv --table KEY`: one table of the plan as a spreadsheet.
fn export_table(
    session: &crate::domain::session::Session,
    path: &Path,
    format: crate::export::Format,
    key: &str,
    output: Option<&Path>,
) -> Result<(), String> {
    if format != crate::export::Format::Csv {
        return Err(format!(
            "--table writes one table as CSV: use --format csv (the {} holds every table)",
            format.label()
        ));
    }
    let Some(text) = crate::export::csv_table(session, key) else {
        let keys: Vec<&str> = session
            .workshop
            .tables
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        return Err(format!(
            "{}: no table {key:?} (tables: {})",
            path.display(),
            keys.join(", ")
        ));
    };
    let out = match output {
        Some(out) if out == Path::new("-") => {
            print!("{text}");
            return Ok(());
        }
        Some(out) => out.to_path_buf(),
        None => {
            let folder = crate::export::exports_dir(path);
            std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            crate::export::table_csv_path(path, key)
        }
    };
    storage::write_output(&out, text.as_bytes()).map_err(|e| e.to_string())?;
    eprintln!("Wrote {}", out.display());
    Ok(())
}
