pub fn f(m: &http::HeaderMap) -> bool {
    m.contains_key("b3") // want: TL105
}
