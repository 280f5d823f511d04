//! Any bytes as a snapshot's data file, and as its manifest: the loader answers with a
//! snapshot or with messages that each name a position, never a panic.
#![no_main]

use giaoban::store::files::{self, ReadError};
use giaoban::store::{load_from, FileSource};
use libfuzzer_sys::fuzz_target;

struct One(Vec<u8>);

impl FileSource for One {
    fn read(&self, _path: &str) -> Result<String, ReadError> {
        files::decode(self.0.clone())
    }
}

fuzz_target!(|data: &[u8]| {
    if let Err(fail) = load_from(&One(data.to_vec()), "data.ron", "fuzz") {
        for e in &fail.errors {
            assert!(!e.message.is_empty());
            assert!(
                e.message.len() < 4096,
                "an error quotes too much: {}",
                e.message.len()
            );
        }
    }
});
