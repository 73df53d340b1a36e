"""alliancekit-agreements: signed agreements and joint statements for alliancekit.

An example of a third-party plugin. Installed, it adds to alliancekit:

* the ``agreements`` extractor: meetings at which agreements were signed;
* military commands and commanders in the actor knowledge base;
* the ``agreements-md`` output format, a Markdown table;
* a pre-processing step that cuts press-release footers;
* a post-processing step that recodes meetings with a signing as CAMEO 057.

>>> from alliancekit_agreements import find_agreements
>>> [m.kind for m in find_agreements("They signed a pact.")]
['signed']
"""

from alliancekit_agreements.agreements import SIGN_CAMEO, AgreementMention, find_agreements
from alliancekit_agreements.extractor import AgreementsExtractor

__all__ = ["SIGN_CAMEO", "AgreementMention", "AgreementsExtractor", "__version__", "find_agreements"]

__version__ = "0.1.0"
