// The home page needs no script; kept so every page loads its module the same way.
