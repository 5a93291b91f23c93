//! Placeholder until the export branch lands (replaced on merge).
use crate::domain::session::Session;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Html,
    Ics,
    Json,
}

pub fn write_all(_s: &Session, _p: &Path, _t: chrono::NaiveDate) -> Result<Vec<PathBuf>, String> {
    Err("export is not built yet".into())
}

pub fn export_to(
    _s: &Session,
    _p: &Path,
    _f: Format,
    _o: Option<&Path>,
    _n: chrono::DateTime<chrono::Utc>,
    _t: chrono::NaiveDate,
) -> Result<Option<PathBuf>, String> {
    Err("export is not built yet".into())
}
