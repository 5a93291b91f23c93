//! Exports: a session turned into documents that leave the room.
//!
//! Every format is a pure function of the session and the moment (`today` for the plan
//! check, `now` for the agenda's actual minutes and the calendar's time stamp), so the
//! same session exported twice gives the same bytes. Writing files is a thin layer on
//! top ([`write_all`], [`write_one`]), atomic so a failed export never leaves half a file.

mod csv;
mod digest;
mod html;
mod ics;
mod markdown;
mod report;
mod reviews;
pub mod status;
mod tables;

use crate::domain::session::Session;
use crate::domain::text;
use crate::storage::{self, StorageError};
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// The export formats, named as on the command line (`--format md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// A Markdown report (GitHub-flavoured).
    #[value(alias = "markdown")]
    Md,
    /// The action plan as a spreadsheet: one row per action.
    Csv,
    /// A single printable HTML handout.
    #[value(alias = "htm")]
    Html,
    /// Calendar entries for the actions' deadlines.
    #[value(alias = "ical", alias = "calendar")]
    Ics,
    /// The session file itself.
    Json,
    /// For each person: what they own, what is due, what they must be told about.
    #[value(name = "digest", alias = "digest.md")]
    Digest,
    /// The same digest as a page to print or send.
    #[value(name = "digest-html", alias = "digest.html")]
    DigestHtml,
}

impl Format {
    /// Every format, in the enum's order: the list clap offers and `x` writes.
    pub fn all() -> &'static [Format] {
        <Format as clap::ValueEnum>::value_variants()
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Ics => "ics",
            Format::Json => "json",
            Format::Digest => "digest.md",
            Format::DigestHtml => "digest.html",
        }
    }

    /// What the file is, for messages: "Markdown report".
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown report",
            Format::Csv => "CSV action plan",
            Format::Html => "HTML handout",
            Format::Ics => "calendar of deadlines",
            Format::Json => "session JSON",
            Format::Digest => "Markdown digest, a section a person",
            Format::DigestHtml => "HTML digest, a section a person",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// The session in one format. `today` dates the plan check (past due dates); `now` is
/// the moment the agenda's actual minutes are read at and the calendar's time stamp.
pub fn render(session: &Session, format: Format, today: NaiveDate, now: DateTime<Utc>) -> String {
    let session = &*cleaned(session);
    match format {
        Format::Md => markdown::render(&report::Report::new(session, today, now)),
        Format::Csv => csv::render(session),
        Format::Html => html::render(&report::Report::new(session, today, now)),
        Format::Ics => ics::render(session, now),
        Format::Json => storage::to_json(session),
        Format::Digest => digest::markdown(&digest::Digest::of(session, today)),
        Format::DigestHtml => digest::html(&digest::Digest::of(session, today)),
    }
}

/// The digest with one file a person (`--each`): each person's name and their own
/// digest, for the two digest formats (none for another format).
pub fn digest_each(
    session: &Session,
    format: Format,
    today: NaiveDate,
) -> Option<Vec<(String, String)>> {
    let render = match format {
        Format::Digest => digest::markdown,
        Format::DigestHtml => digest::html,
        _ => return None,
    };
    let digest = digest::Digest::of(&cleaned(session), today);
    Some(
        digest
            .each()
            .map(|d| (d.name().to_string(), render(&d)))
            .collect(),
    )
}

/// The session with its text cleaned as typed text is, copied only if it needs it: a
/// session built or changed outside the app must not carry escape sequences into a
/// CSV printed on a terminal, nor bidi overrides into a report.
fn cleaned(session: &Session) -> Cow<'_, Session> {
    // Written out as text, a clean session says so in one pass, with no tree built.
    let text = serde_json::to_string(session).expect("a session always serializes");
    if !text::json_needs_cleaning(&text) {
        return Cow::Borrowed(session);
    }
    let mut value = serde_json::to_value(session).expect("a session always serializes");
    if !text::clean_json(&mut value) {
        return Cow::Borrowed(session);
    }
    match serde_json::from_value(value) {
        Ok(clean) => Cow::Owned(clean),
        // Cleaning changes text, never a shape; should it fail, each format still escapes.
        Err(_) => Cow::Borrowed(session),
    }
}

/// The folder exports go to: `exports/` beside the session file.
pub fn exports_dir(session_path: &Path) -> PathBuf {
    session_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("exports")
}

/// Where [`write_all`] puts one format: `exports/<session file stem>.<ext>`.
pub fn export_path(session_path: &Path, format: Format) -> PathBuf {
    let stem = session_path
        .file_stem()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_os_string())
        .unwrap_or_else(|| "session".into());
    let mut name = stem;
    name.push(".");
    name.push(format.extension());
    exports_dir(session_path).join(name)
}

/// Table `key` as CSV, with the rows under its rows (the `csv` format is the first
/// table). None when the session's template has no such table.
pub fn csv_table(session: &Session, key: &str) -> Option<String> {
    csv::render_table(&cleaned(session), key)
}

/// Where [`write_all`] puts the CSV of a table other than the first:
/// `exports/<session file stem>-<table key>.csv`.
pub fn table_csv_path(session_path: &Path, key: &str) -> PathBuf {
    let csv = export_path(session_path, Format::Csv);
    let stem = csv.file_stem().unwrap_or_default().to_string_lossy();
    // Keys are checked when a template loads; a hand-edited session could still hold
    // a separator.
    let key: String = key
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    csv.with_file_name(format!("{stem}-{key}.csv"))
}

/// Writes every format into `exports/` beside the session file, named after it
/// (`budget-2027.md`, `budget-2027.csv`...), then a CSV for each further table of the
/// plan (`budget-2027-terms.csv`: rows under another table's rows go in that table's
/// file). Returns the paths written, in [`Format::all`] order, then the tables'. Stops
/// at the first failure, naming the file.
pub fn write_all(
    session: &Session,
    session_path: &Path,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, StorageError> {
    let dir = exports_dir(session_path);
    std::fs::create_dir_all(&dir).map_err(|e| StorageError {
        reason: format!("cannot create the exports folder: {e}"),
        path: dir.clone(),
    })?;
    let mut written = Vec::with_capacity(Format::all().len());
    for &format in Format::all() {
        let path = export_path(session_path, format);
        write_one(session, format, today, now, &path)?;
        written.push(path);
    }
    let template = &session.workshop;
    for table in template
        .tables
        .iter()
        .skip(1)
        .filter(|t| t.parent.is_none())
    {
        let path = table_csv_path(session_path, &table.key);
        let text = csv_table(session, &table.key).expect("a table of the template");
        storage::write_output(&path, text.as_bytes()).map_err(|e| StorageError {
            path: path.clone(),
            reason: format!("cannot write the CSV of {}: {}", table.title, e.reason),
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Writes one format to `out`: a file is replaced atomically (either the whole new file
/// is there or the previous one is untouched), a link is followed to its target, a
/// terminal, FIFO or `/dev/null` is written straight, and a folder is refused.
pub fn write_one(
    session: &Session,
    format: Format,
    today: NaiveDate,
    now: DateTime<Utc>,
    out: &Path,
) -> Result<(), StorageError> {
    let text = render(session, format, today, now);
    storage::write_output(out, text.as_bytes()).map_err(|e| StorageError {
        path: out.to_path_buf(),
        reason: format!("cannot write the {}: {}", format.label(), e.reason),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap()
    }

    fn today() -> NaiveDate {
        now().date_naive()
    }

    fn session() -> Session {
        let mut s = Session::new(Template::default_template(), "Budget 2027", now());
        s.add_initiative("Online permits", "");
        s
    }

    #[test]
    fn formats_are_named_on_the_command_line_by_their_extension() {
        for &f in Format::all() {
            assert_eq!(f.to_string(), f.extension());
            assert_eq!(
                <Format as clap::ValueEnum>::from_str(f.extension(), true),
                Ok(f)
            );
        }
    }

    #[test]
    fn write_all_puts_every_format_beside_the_session_named_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let session_path = dir.path().join("budget-2027.json");
        let paths = write_all(&session(), &session_path, today(), now()).unwrap();
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        let expected: Vec<String> = Format::all()
            .iter()
            .map(|f| format!("exports/budget-2027.{f}"))
            .collect();
        assert_eq!(names, expected);
        assert!(names.contains(&"exports/budget-2027.md".to_string()));
        let json_path = &paths[Format::all()
            .iter()
            .position(|f| *f == Format::Json)
            .unwrap()];
        let json = std::fs::read_to_string(json_path).unwrap();
        assert_eq!(
            storage::parse(json_path, &json).unwrap(),
            session(),
            "the JSON export is the session"
        );
        // A second export replaces the files in place.
        write_all(&session(), &session_path, today(), now()).unwrap();
        assert_eq!(
            std::fs::read_dir(dir.path().join("exports"))
                .unwrap()
                .count(),
            Format::all().len()
        );
    }

    #[test]
    fn an_unwritable_path_names_the_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder").join("plan.csv");
        let e = write_one(&session(), Format::Csv, today(), now(), &missing).unwrap_err();
        assert_eq!(e.path, missing);
        let text = e.to_string();
        assert!(text.contains("plan.csv"), "{text}");
        assert!(text.contains("does not exist"), "{text}");
        assert!(!dir.path().join("no-such-folder").exists());

        let e = write_one(&session(), Format::Md, today(), now(), dir.path()).unwrap_err();
        assert!(e.reason.contains("folder"), "{e}");

        // A folder standing where the exports folder should be.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("exports"), "not a folder").unwrap();
        let e = write_all(&session(), &blocked.join("s.json"), today(), now()).unwrap_err();
        assert!(e.to_string().contains("exports"), "{e}");
        assert_eq!(
            std::fs::read_to_string(blocked.join("exports")).unwrap(),
            "not a folder"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_fails_cleanly() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan.md");
        std::fs::write(&out, "previous export").unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let result = write_one(&session(), Format::Md, today(), now(), &out);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        if result.is_ok() {
            // Running as root: permissions do not bind, nothing to check.
            return;
        }
        let e = result.unwrap_err();
        assert!(e.to_string().contains("plan.md"), "{e}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous export");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }
}
