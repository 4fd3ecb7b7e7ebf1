use tracing::instrument;

#[instrument] //~ tracelint::instrument_unrecorded_error
pub fn parse_quantity(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}
