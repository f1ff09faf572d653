//! Types that cross the document boundary as text.

/// Serialize a type as its `Display` text, deserialize it with its `parse` (whose error is a
/// [`crate::units::UnitProblem`]), and describe it in the JSON Schema as a string.
macro_rules! string_serde {
    ($ty:ty, $name:literal, $description:literal, $example:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                let s = <std::borrow::Cow<'_, str> as serde::Deserialize>::deserialize(deserializer)?;
                <$ty>::parse(&s).map_err(|p| $crate::error::de_error($crate::Error::unit("", s.as_ref(), p)))
            }
        }

        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "description": $description, "examples": [$example] })
            }
        }
    };
}

pub(crate) use string_serde;
