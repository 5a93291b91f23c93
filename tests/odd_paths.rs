//! Odd things where a file is expected, met by the real binary: `export -o` onto a
//! device, a FIFO, a symbolic link or a folder, and a FIFO named `*.json` in the
//! sessions folder. Nothing may be replaced by a regular file, and nothing may hang.
#![cfg(unix)]

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long any one wait may take; generous for a loaded 2-core machine.
const DEADLINE: Duration = Duration::from_secs(20);

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_convene"));
    cmd.arg("--dir")
        .arg(dir)
        .args(args)
        .env_remove("CONVENE_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs convene to the end, failing the test if it takes longer than the deadline.
fn convene(dir: &Path, args: &[&str]) -> Output {
    finish(command(dir, args).spawn().expect("run convene"))
}

fn finish(mut child: Child) -> Output {
    let deadline = Instant::now() + DEADLINE;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("convene did not finish in {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// `convene export plan --format FORMAT -o OUT`.
fn export_to(dir: &Path, format: &str, out: &str) -> Output {
    convene(dir, &["export", "plan", "--format", format, "-o", out])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A session to export, saved as `plan.json` in a fresh folder.
fn folder_with_a_session() -> tempfile::TempDir {
    use convene::domain::{session::Session, template::Template};
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(
        Template::default_template(),
        "Budget 2027",
        chrono::Utc::now(),
    );
    session.add_initiative("Open data", "");
    let path = dir.path().join("plan.json");
    convene::storage::save(&path, &convene::storage::to_json(&session)).unwrap();
    dir
}

/// The CSV export as `-o -` prints it: what every other target must receive.
fn csv_on_stdout(dir: &Path) -> Vec<u8> {
    let out = export_to(dir, "csv", "-");
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

fn mknod(path: &Path, kind: libc::mode_t, major: u32, minor: u32) -> bool {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mknod only reads it.
    unsafe { libc::mknod(c.as_ptr(), kind | 0o666, libc::makedev(major, minor)) == 0 }
}

fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn file_type(path: &Path) -> std::fs::FileType {
    std::fs::symlink_metadata(path).unwrap().file_type()
}

#[test]
fn export_onto_a_device_writes_into_it_and_leaves_the_node() {
    let dir = folder_with_a_session();
    // A private /dev/null (character device 1,3): only root may make one.
    let null = dir.path().join("null");
    if !mknod(&null, libc::S_IFCHR, 1, 3) {
        eprintln!("skipped: mknod needs root (or CAP_MKNOD); the device case is not tested here");
        return;
    }
    let null = null.to_str().unwrap();
    let out = export_to(dir.path(), "md", null);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        file_type(Path::new(null)).is_char_device(),
        "the device node is still a device, not a report"
    );

    // A disk is not written over: a block device is refused and left as it is.
    let disk = dir.path().join("disk");
    assert!(mknod(&disk, libc::S_IFBLK, 7, 250), "mknod a block device");
    let out = export_to(dir.path(), "md", disk.to_str().unwrap());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("disk"), "{}", stderr(&out));
    assert!(file_type(&disk).is_block_device());
}

#[test]
fn export_onto_a_fifo_feeds_its_reader() {
    let dir = folder_with_a_session();
    let expected = csv_on_stdout(dir.path());
    let fifo = dir.path().join("pipe.csv");
    mkfifo(&fifo);
    let (tx, rx) = mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read(reading));
    });
    let child = command(
        dir.path(),
        &[
            "export",
            "plan",
            "--format",
            "csv",
            "-o",
            fifo.to_str().unwrap(),
        ],
    )
    .spawn()
    .unwrap();
    let received = rx
        .recv_timeout(DEADLINE)
        .expect("the reader got the export (it was not written elsewhere)")
        .unwrap();
    let out = finish(child);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(received, expected);
    assert!(file_type(&fifo).is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn export_onto_a_link_replaces_its_target_and_keeps_the_link() {
    let dir = folder_with_a_session();
    let expected = csv_on_stdout(dir.path());
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let target = shared.join("plan.csv");
    std::fs::write(&target, "last week's plan").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("shared/plan.csv", &link).unwrap();
    let out = export_to(dir.path(), "csv", link.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(file_type(&link).is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read(&target).unwrap(), expected);

    // A link to a file that does not exist yet creates the file where it points.
    let dangling = dir.path().join("next.csv");
    std::os::unix::fs::symlink("shared/next-week.csv", &dangling).unwrap();
    let out = export_to(dir.path(), "csv", dangling.to_str().unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(file_type(&dangling).is_symlink());
    assert_eq!(
        std::fs::read(shared.join("next-week.csv")).unwrap(),
        expected
    );
    let names = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(&shared),
        [shared.join("next-week.csv"), shared.join("plan.csv")],
        "no temporary file left behind"
    );
}

#[test]
fn export_onto_a_folder_is_refused_and_leaves_it_alone() {
    let dir = folder_with_a_session();
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).unwrap();
    let out = export_to(dir.path(), "html", folder.to_str().unwrap());
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("reports") && e.contains("folder"), "{e}");
    assert!(file_type(&folder).is_dir());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

#[test]
fn list_does_not_hang_on_a_fifo_named_like_a_session() {
    let dir = folder_with_a_session();
    mkfifo(&dir.path().join("trap.json"));
    let out = convene(dir.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("plan ") && l.contains("Budget 2027")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("trap ") && l.contains("not a regular file")),
        "{text}"
    );
}
