// Tests for this stage.
