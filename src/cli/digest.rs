//! `convene export SESSION --format digest --each`: the digest one file a person,
//! for sending each person their own.

use super::Setup;
use crate::export::{self, Format};
use crate::storage;
use std::path::Path;

pub fn each(
    setup: &Setup,
    name: &str,
    format: Format,
    output: Option<&Path>,
) -> Result<(), String> {
    let path = storage::find_session(&setup.sessions, name).map_err(|e| e.to_string())?;
    let session = storage::load(&path).map_err(|e| e.to_string())?;
    let Some(files) = export::digest_each(&session, format, setup.today()) else {
        return Err(format!(
            "--each writes one file a person: use --format digest or digest-html (not {format})"
        ));
    };
    let folder = match output {
        Some(out) => out.to_path_buf(),
        None => {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            export::exports_dir(&path).join(format!("{stem}-digest"))
        }
    };
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut used = std::collections::HashSet::new();
    for (person, text) in &files {
        // Two names that make the same file name get a number.
        let stem = storage::file_stem(person, "person");
        let mut file = stem.clone();
        let mut n = 2;
        while !used.insert(file.clone()) {
            file = format!("{stem}-{n}");
            n += 1;
        }
        let out = folder.join(format!("{file}.{}", format.extension()));
        storage::write_output(&out, text.as_bytes()).map_err(|e| e.to_string())?;
    }
    eprintln!("Wrote {} files to {}", files.len(), folder.display());
    Ok(())
}
