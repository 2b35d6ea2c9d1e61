use crate::both;
