use tracing::info_span;

pub fn suppressed(email: &str) {
    let _a = info_span!("a", user.email = %email); // nolint:pii_in_telemetry // reviewed
    let _b = info_span!("b", user.email = %email); // nolint:TL402
    let _c = info_span!("c", user.email = %email); // nolint:TL301 // want: TL402
    let _d = info_span!("d", user.email = %email); // nolint
    // nolint:tracelint::pii_in_telemetry
    let _e = info_span!("e", user.email = %email);
    let _f = info_span!("f", user.email = %email); // want: TL402
    let _g = info_span!("g", user.email = %email); // nolintfoo is no directive // want: TL402
    let _h = info_span!("h", user.email = %email); // nolint:PII_In_Telemetry, names are read in any case, as golangci-lint reads them
}

// nolint:pii_in_telemetry // a whole function
pub fn whole(email: &str) {
    let _a = info_span!("a", user.email = %email);
}

#[cfg_attr(tracelint, allow(tracelint::pii_in_telemetry))]
pub fn attribute(email: &str) {
    let _a = info_span!("a", user.email = %email);
}

#[allow(tracelint::telemetry_key_not_in_contract)]
pub fn other_lint(email: &str) {
    let _a = info_span!("a", user.email = %email); // want: TL402
}
