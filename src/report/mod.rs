//! Stage 7, report: analysis results become bytes on a `Write`. This is the only stage that
//! writes; every format is a pure function of the data it is given.

pub mod segments;
