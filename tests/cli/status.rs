//! `convene status` and `convene list` on the example reviewed twice, on days given
//! with `--now` and `CONVENE_NOW`: what a facilitator or a script reads of a plan.

use super::{convene, stderr, stdout};
use std::path::Path;
use std::process::Command;

const REVIEWED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-reviewed.json"
);

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(REVIEWED, dir.path().join("permits.json")).unwrap();
    dir
}

#[test]
fn status_prints_progress_and_overdue_actions_with_exit_status_3() {
    let dir = folder();
    let out = convene(dir.path(), &["--now", "2027-01-20", "status", "permits"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text,
        "Permits 2027\n\
         On Wed 20 Jan 2027 · last review: review 2, Sat 16 Jan 2027 · next review: Sat 13 Feb 2027\n\
         \n\
         Progress\n\
         \x20 Whole plan      2 of 6 done ▰▰▰▱▱▱▱▱▱▱\n\
         \x20 Online permits  1 of 3 done ▰▰▰▱▱▱▱▱▱▱\n\
         \x20 Open data       1 of 3 done ▰▰▰▱▱▱▱▱▱▱\n\
         \n\
         Overdue (1)\n\
         \x20 Fri 15 Jan 2027  Pick an open licence · Ana Lopez · Open data\n\
         \n\
         Due before the next review (1)\n\
         \x20 Sun 31 Jan 2027  Take card payments for fees · Carla Diaz · Online permits\n"
    );
}

/// The digest mailed after the date set for the review says it has passed, as
/// `convene status` does, rather than sending people to a meeting that is over.
#[test]
fn a_digest_after_the_review_date_says_it_has_passed() {
    let dir = folder();
    let out = convene(
        dir.path(),
        &[
            "--now",
            "2027-02-20",
            "export",
            "permits",
            "--format",
            "digest",
            "-o",
            "-",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Sat 13 Feb 2027 (passed)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn status_exits_0_when_nothing_is_late() {
    let dir = folder();
    let out = convene(dir.path(), &["--now", "2027-01-12", "status", "permits"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Overdue"), "{}", stdout(&out));
}

#[test]
fn a_passed_review_and_a_late_plan_show_in_list() {
    let dir = folder();
    let out = Command::new(env!("CARGO_BIN_EXE_convene"))
        .args(["--dir", dir.path().to_str().unwrap(), "list"])
        .env("CONVENE_NOW", "2027-02-20T10:00")
        .env_remove("CONVENE_DIR")
        .env("XDG_CONFIG_HOME", dir.path().join("no-config-here"))
        .output()
        .unwrap();
    let text = stdout(&out);
    let line = text.lines().find(|l| l.starts_with("permits ")).unwrap();
    assert!(
        line.contains("next review Sat 13 Feb 2027 (passed)") && line.contains(" 2 overdue"),
        "{line}"
    );
}

#[test]
fn a_wrong_now_is_refused_with_the_forms_it_takes() {
    let out = convene(
        Path::new("/nonexistent"),
        &["--now", "next tuesday", "list"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("2027-01-16T14:30"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn status_of_a_missing_session_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = convene(dir.path(), &["status", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
}

#[test]
fn a_review_runs_a_review_template_and_a_workshop_runs_a_workshop() {
    let dir = folder();
    let out = convene(
        dir.path(),
        &["review", "permits", "--template", "action-planning"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a review's agenda"),
        "{}",
        stderr(&out)
    );
    let out = convene(dir.path(), &["new", "--template", "plan-review"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("convene review SESSION"),
        "{}",
        stderr(&out)
    );
    let out = convene(dir.path(), &["templates", "check", "plan-review"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_digest_writes_one_file_a_person_on_request() {
    let dir = folder();
    let out = convene(
        dir.path(),
        &[
            "--now",
            "2027-01-20",
            "export",
            "permits",
            "--format",
            "digest",
            "--each",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let folder = dir.path().join("exports/permits-digest");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ana-lopez.digest.md",
            "carla-diaz.digest.md",
            "dev-patel.digest.md",
            "eve-martin.digest.md",
            "mayor-s-office.digest.md"
        ]
    );
    let carla = std::fs::read_to_string(folder.join("carla-diaz.digest.md")).unwrap();
    assert!(
        carla.contains("## Carla Diaz") && !carla.contains("## Ana Lopez"),
        "{carla}"
    );
    let out = convene(
        dir.path(),
        &["export", "permits", "--format", "md", "--each"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("digest"), "{}", stderr(&out));
}
