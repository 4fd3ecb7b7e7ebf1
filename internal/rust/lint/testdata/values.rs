// config: {piiattrs: {redactors: [privacy::redact, redaction::redact]}}
// How values are read: a chain of names and calls, judged by its last name.
use opentelemetry::KeyValue;
use tracing::{info, info_span};

pub struct Customer {
    pub email: String,
}

pub fn values(customer: &mut Customer, pair: (u64, Customer), patient: &Patient, span: &mut Span) {
    // Redactors written as paths: from the crate root, the extern prelude,
    // the parent module, or as a method.
    info!(user.email = %::redaction::redact(&customer.email), "sent");
    info!(user.email = %crate::privacy::redact(&customer.email), "sent");
    info!(user.email = %super::privacy::redact(&customer.email), "sent");
    info!(user.email = %self.redact(&customer.email), "sent");
    // A literal that starts a longer value is no safe literal.
    span.set_attribute(KeyValue::new("user.email", "mailto:".to_owned() + &customer.email)); // want: TL402
    // References and dereferences are looked through.
    info!(order.contact = &customer.email, "sent"); // want: TL403
    info!(order.contact = *customer.email, "sent"); // want: TL403
    info!(order.contact = &mut customer.email, "sent"); // want: TL403
    span.set_attribute(KeyValue::new("order.contact", &mut customer.email)); // want: TL403
    // Names outside macros: field identifiers, tuple fields.
    span.set_attribute(KeyValue::new("order.contact", customer.email.clone())); // want: TL403
    span.set_attribute(KeyValue::new("order.contact", pair.1.email.clone())); // want: TL403
    info!(order.contact = %pair.1.email, "sent"); // want: TL403
    info!(order.contact = %self.email, "sent"); // want: TL403
    // The owner of the last name decides a bare name: a patient's name is a
    // person's; self is no owner.
    info!(order.contact = %patient.name, "sent"); // want: TL403
    info!(order.contact = %self.name, "sent");
    // A getter called without arguments is judged like the field.
    info!(order.contact = %customer.email(), "sent"); // want: TL403
    // A call with arguments before the last name is judged through it...
    info!(order.contact = %directory.find(user_id).email, "sent"); // want: TL403
    // ...unless it is a redactor; a redactor named but not called, or called
    // with nothing, redacts nothing.
    info!(order.contact = %privacy::redact(&customer).email, "sent");
    info!(order.contact = %settings.redact.email, "sent"); // want: TL403
    info!(order.contact = %record.load().redact().email, "sent"); // want: TL403
    // A look-through method called with arguments is another method.
    info!(order.contact = %customer.email.display(Style::Short), "sent");
    // A call's result called again is no chain.
    info!(order.contact = %email_of(customer)(), "sent");
    // A free function named like a look-through method is a name.
    info!(order.contact = %to_string(), "sent");
    // format!: its arguments are judged, not what the formatted text becomes.
    info!(order.contact_length = format!("{}", customer.email).len(), "sent");
    info!(order.contact = %format!(r"to {email}"), "sent"); // want: TL403
    // A number's text is a string.
    let _port = info_span!("p", server.port = 8080.to_string()); // want: TL302
    // Numbers: a negated literal is a literal, a negated variable is data.
    info!(user.age = -1, "sent");
    info!(user.age = -age_delta, "sent"); // want: TL402
    info!(user.age = -1 * age, "sent"); // want: TL402
    // field::Empty holds nothing; a variant called Empty holds its argument.
    info!(user.email = tracing::field::Empty, "sent");
    info!(user.email = Contact::Empty(customer.email.clone()), "sent"); // want: TL402
    // A parenthesised group is no chain; negation of a group neither.
    info!(order.contact = (first, last), "sent");
    info!(cache.hit = !(hit), "sent");
}
