//! An option's investment: one amount, or amounts spent in successive years.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::de::{self, IntoDeserializer, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::units::money::Money;

/// Investment: `"2400 USD"` spent at the start, or `["2000 USD", "400 USD"]` spent in the
/// start year and the years after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Capex(pub Vec<Money>);

impl Serialize for Capex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(s),
            many => many.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Capex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CapexVisitor;
        impl<'de> Visitor<'de> for CapexVisitor {
            type Value = Capex;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount of money (\"2400 USD\") or a list of amounts by year")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Capex, E> {
                let d: de::value::StrDeserializer<'_, E> = v.into_deserializer();
                Money::deserialize(d).map(|m| Capex(vec![m]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Capex, A::Error> {
                let mut stages = Vec::new();
                while let Some(m) = seq.next_element::<Money>()? {
                    stages.push(m);
                }
                if stages.is_empty() {
                    return Err(de::Error::invalid_length(0, &"at least one amount"));
                }
                Ok(Capex(stages))
            }
        }
        d.deserialize_any(CapexVisitor)
    }
}

impl JsonSchema for Capex {
    fn schema_name() -> Cow<'static, str> {
        "Capex".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> schemars::Schema {
        let money = generator.subschema_for::<Money>();
        json_schema!({
            "description": "Investment: one amount (\"2400 USD\") spent in the start year, or amounts spent in the start year and each year after it ([\"2000 USD\", \"400 USD\"]).",
            "anyOf": [money, {"type": "array", "items": money, "minItems": 1}]
        })
    }
}
