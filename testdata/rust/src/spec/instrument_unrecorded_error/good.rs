use tracing::instrument;

// err records the error on the span (and the OpenTelemetry bridge sets the
// span's status to Error).
#[instrument(err)]
pub fn parse_quantity(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}
