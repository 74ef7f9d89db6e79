"""Forms, buttons and pages as data: each platform renders and reads them generically."""
