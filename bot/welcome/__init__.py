"""Welcome: newcomers, locums and trainees are introduced, with a buddy for their first weeks."""
