use tracing::instrument;

#[instrument]
pub fn parse_quantity(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}
