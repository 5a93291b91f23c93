//! Templates of the first format had one `plan` object where `tables` now lists them;
//! such a template (and every session file that embeds one) is read as one table.

use super::{ColumnSpec, Per, TableDef};
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The key, title and noun the plan of a first-format template gets as a table.
pub const PLAN_KEY: &str = "plan";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanSpec {
    #[serde(default)]
    horizon_days: Option<u32>,
    columns: Vec<ColumnSpec>,
}

impl From<PlanSpec> for TableDef {
    fn from(plan: PlanSpec) -> TableDef {
        TableDef {
            key: PLAN_KEY.into(),
            title: "Action plan".into(),
            noun: "action".into(),
            plural: None,
            per: Per::Initiative,
            max_rows: None,
            horizon_days: plan.horizon_days,
            parent: None,
            columns: plan.columns,
        }
    }
}

/// `tables: [...]`, or the legacy `plan: {...}`; read as they stream so that an error
/// inside keeps its line and column.
pub fn tables_or_plan<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TableDef>, D::Error> {
    struct Either;
    impl<'de> Visitor<'de> for Either {
        type Value = Vec<TableDef>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of tables")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::deserialize(SeqAccessDeserializer::new(seq))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            PlanSpec::deserialize(MapAccessDeserializer::new(map)).map(|p| vec![p.into()])
        }
    }
    d.deserialize_any(Either)
}
