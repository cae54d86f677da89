"""The REST API and the web dashboard (`jalin serve`): see `jalin.web.app.create_app`."""
