"""The editors' review: a web app to accept, reject or correct facts, and the reviewed export."""
