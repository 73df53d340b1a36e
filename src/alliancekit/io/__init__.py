"""Reading documents in and writing events out.

:mod:`alliancekit.io.readers` turns files into :class:`~alliancekit.model.Document`
values; :mod:`alliancekit.io.writers` turns events into text. Writers are
registered as output-format plugins.
"""
