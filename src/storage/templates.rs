//! Workshop templates on disk: a template file given by path, and the user's templates
//! folder (beside the config file), whose templates are found by name like the
//! built-in ones.

use crate::domain::template::{self, Template, TemplateError};
use std::path::{Path, PathBuf};

/// Reads and checks a template file; every error names the file.
pub fn load(path: &Path) -> Result<Template, TemplateError> {
    let source = path.display().to_string();
    let json = read(path).map_err(|reason| TemplateError::new(&source, reason))?;
    Template::parse(&source, &json)
}

fn read(path: &Path) -> Result<String, String> {
    if path.is_dir() {
        return Err("a folder, not a template file".into());
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

/// Where a name given on the command line leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    BuiltIn(&'static str),
    File(PathBuf),
}

/// A path (it has a folder in it or ends in `.json`), else a template of that name in
/// the user's folder (so a user's copy of a built-in replaces it), else a built-in.
pub fn find(name_or_path: &str, user_dir: Option<&Path>) -> Result<Found, TemplateError> {
    let given = Path::new(name_or_path);
    if given.components().count() > 1 || given.extension().is_some_and(|x| x == "json") {
        return if given.exists() {
            Ok(Found::File(given.to_path_buf()))
        } else {
            Err(TemplateError::new(name_or_path, "no such file"))
        };
    }
    if let Some(dir) = user_dir {
        let path = dir.join(format!("{name_or_path}.json"));
        if path.is_file() {
            return Ok(Found::File(path));
        }
    }
    if let Some(name) = template::built_in_names().find(|n| *n == name_or_path) {
        return Ok(Found::BuiltIn(name));
    }
    let mut names: Vec<String> = template::built_in_names().map(str::to_string).collect();
    if let Some(dir) = user_dir {
        names.extend(user_templates(dir).into_iter().map(|t| t.name));
    }
    Err(TemplateError::new(
        name_or_path,
        format!(
            "no template or template file by that name (templates: {})",
            names.join(", ")
        ),
    ))
}

/// The template a name or path leads to, read and checked.
pub fn resolve(name_or_path: &str, user_dir: Option<&Path>) -> Result<Template, TemplateError> {
    match find(name_or_path, user_dir)? {
        Found::BuiltIn(name) => Ok(Template::built_in(name).expect("found among the built-ins")),
        Found::File(path) => load(&path),
    }
}

/// The text of the template a name or path leads to, as written.
pub fn text(name_or_path: &str, user_dir: Option<&Path>) -> Result<String, TemplateError> {
    match find(name_or_path, user_dir)? {
        Found::BuiltIn(name) => Ok(template::built_in_text(name)
            .expect("found among the built-ins")
            .to_string()),
        Found::File(path) => {
            read(&path).map_err(|reason| TemplateError::new(&path.display().to_string(), reason))
        }
    }
}

/// One template of the user's folder: the name to give `--template`, and the template
/// or why it cannot be used.
pub struct UserTemplate {
    pub name: String,
    pub path: PathBuf,
    pub template: Result<Template, TemplateError>,
}

/// Every `NAME.json` regular file in the folder, by name; none when there is no folder.
pub fn user_templates(dir: &Path) -> Vec<UserTemplate> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<UserTemplate> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        // Regular files only (a FIFO would hang the read), symlinks followed.
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_string();
            Some(UserTemplate {
                template: load(&path),
                name,
                path,
            })
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::DEFAULT_TEMPLATE;

    fn write_template(path: &Path, title: &str) {
        let mut t = Template::default_template();
        t.title = title.to_string();
        std::fs::write(path, serde_json::to_string_pretty(&t).unwrap()).unwrap();
    }

    #[test]
    fn a_user_template_is_found_by_name_and_replaces_a_built_in() {
        let dir = tempfile::tempdir().unwrap();
        write_template(&dir.path().join("retro.json"), "Team retro");
        write_template(&dir.path().join(format!("{DEFAULT_TEMPLATE}.json")), "Ours");
        let user = Some(dir.path());
        assert_eq!(resolve("retro", user).unwrap().title, "Team retro");
        assert_eq!(resolve(DEFAULT_TEMPLATE, user).unwrap().title, "Ours");
        assert_eq!(
            resolve(DEFAULT_TEMPLATE, None).unwrap(),
            Template::default_template()
        );
        let names: Vec<String> = user_templates(dir.path())
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, [DEFAULT_TEMPLATE, "retro"]);
    }

    #[test]
    fn a_path_is_read_as_a_file_and_its_errors_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.json");
        std::fs::write(
            &path,
            "{\n  \"name\": \"mine\",\n  \"title\": \"Mine\"\n}\n",
        )
        .unwrap();
        let err = resolve(path.to_str().unwrap(), None).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("mine.json: line 4, column 1: missing field"),
            "{text}"
        );
        let missing = resolve("elsewhere/none.json", None).unwrap_err();
        assert!(missing.to_string().contains("no such file"), "{missing}");
        let folder = load(dir.path()).unwrap_err();
        assert!(folder.to_string().contains("a folder"), "{folder}");
    }

    #[test]
    fn an_unknown_name_lists_every_template() {
        let dir = tempfile::tempdir().unwrap();
        write_template(&dir.path().join("retro.json"), "Team retro");
        let err = resolve("no-such-workshop", Some(dir.path())).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("action-planning") && text.contains("retro"),
            "{text}"
        );
    }

    #[test]
    fn a_broken_user_template_is_listed_with_why() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("broken.json"), "{ \"name\": ").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a template").unwrap();
        let listed = user_templates(dir.path());
        assert_eq!(listed.len(), 1, "only .json files");
        let err = listed[0].template.as_ref().unwrap_err();
        assert!(err.to_string().contains("broken.json: line 1"), "{err}");
    }
}
