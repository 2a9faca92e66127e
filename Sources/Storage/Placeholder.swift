// Stage Storage.
