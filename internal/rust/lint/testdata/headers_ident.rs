pub fn f(headers: &Map) -> bool {
    headers.contains_key("baggage") // want: TL105
}
