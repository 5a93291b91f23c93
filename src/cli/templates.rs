//! `convene templates`: list the built-in and the user's templates, show one, check a
//! file, print the schema.

use super::TemplatesCommand;
use crate::domain::template::Template;
use crate::storage::templates;
use std::path::Path;

pub fn run(command: Option<TemplatesCommand>, user_dir: Option<&Path>) -> Result<(), String> {
    match command {
        None => {
            list(user_dir);
            Ok(())
        }
        Some(TemplatesCommand::Show { name }) => {
            print!(
                "{}",
                templates::text(&name, user_dir).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        Some(TemplatesCommand::Check { file }) => {
            let template = templates::resolve(&file, user_dir).map_err(|e| e.to_string())?;
            println!(
                "{file}: a valid template: {:?}, {} steps, {} min",
                template.title,
                template.steps.len(),
                template.total_minutes
            );
            Ok(())
        }
        Some(TemplatesCommand::Schema) => {
            print!("{}", Template::json_schema());
            Ok(())
        }
    }
}

fn line(name: &str, t: &Template) -> String {
    let review = if t.review {
        "  (a review meeting: convene review)"
    } else {
        ""
    };
    format!(
        "{name:<26} {:>2} steps  {:>3} min  {}{review}",
        t.steps.len(),
        t.total_minutes,
        t.title
    )
}

/// The built-ins, then the user's folder; a user's template of a built-in's name
/// replaces it (as `new --template` finds it).
fn list(user_dir: Option<&Path>) {
    let mine = user_dir.map(templates::user_templates).unwrap_or_default();
    for t in Template::all_built_in() {
        if !mine.iter().any(|m| m.name == t.name) {
            println!("{}", line(&t.name, &t));
        }
    }
    for user in mine {
        let replaces = if Template::built_in(&user.name).is_some() {
            ", replaces the built-in"
        } else {
            ""
        };
        match user.template {
            Ok(t) => println!(
                "{}  ({}{replaces})",
                line(&user.name, &t),
                user.path.display()
            ),
            Err(e) => println!(
                "{:<26} cannot be used: {} (convene templates check {} says all)",
                user.name,
                e.to_string().lines().next().unwrap_or_default(),
                user.name
            ),
        }
    }
}
