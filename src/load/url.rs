//! `http://` and `https://` inputs, fetched with `ureq`: one blocking GET with a timeout over
//! the whole exchange, at most five redirects, the body read up to the size limit, proxies from
//! the environment ignored (the tool fetches what it is given, from where it is given). Every
//! failure is one line: the URL and what went wrong.

use std::io::Read;
use std::time::Duration;

use crate::error::{Error, Result};

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// Fetches `url`, returning the body's bytes.
pub(super) fn fetch(url: &str, max_bytes: u64, timeout: Duration) -> Result<Vec<u8>> {
    let fail = |reason: String| Error::Fetch {
        name: url.to_string(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .proxy(None)
        .user_agent(concat!("sourcediff/", env!("CARGO_PKG_VERSION")))
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent
        .get(url)
        .header(
            "Accept",
            "text/html, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.1",
        )
        .call()
        .map_err(|e| fail(reason(&e, timeout)))?;
    let status = response.status();
    if !status.is_success() {
        let words = status.canonical_reason().unwrap_or("error");
        return Err(fail(format!(
            "the server answered {} {words}",
            status.as_u16()
        )));
    }
    let mut body = response.into_body();
    let limit = max_bytes.min(super::MAX_MAX_BYTES);
    let mut bytes = Vec::new();
    body.as_reader()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            // ureq reports its own errors through io::Error; a timeout mid-body is one.
            match e
                .into_inner()
                .and_then(|inner| inner.downcast::<ureq::Error>().ok())
            {
                Some(inner) => fail(reason(&inner, timeout)),
                None => fail("the connection failed while reading the page".to_string()),
            }
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            name: url.to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// A few words on what went wrong, without ureq's internals.
fn reason(e: &ureq::Error, timeout: Duration) -> String {
    match e {
        ureq::Error::Timeout(_) => format!("no complete answer within {} s", timeout.as_secs_f64()),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::RedirectFailed => "a redirect could not be followed".to_string(),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => "not a valid URL".to_string(),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
            std::io::ErrorKind::TimedOut => {
                format!("no complete answer within {} s", timeout.as_secs_f64())
            }
            _ => super::reason(io),
        },
        other => {
            let text = other.to_string();
            text.lines().next().unwrap_or("fetch failed").to_string()
        }
    }
}
