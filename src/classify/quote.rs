//! Quotations: extraction with speakers, and matching across articles (being written).
