"""kg's vocabulary as a closed namespace (a typo fails at once) and the other vocabularies it uses."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
DEFAULT_BASE = "https://w3id.org/kg-news/id/"

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


class ITSRDF(DefinedNamespace):
    """The terms kg uses of the ITS 2.0 RDF vocabulary (as NIF uses it: the entity a phrase names)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")

    taIdentRef: URIRef  # the entity that a nif:Phrase names (Text Analysis identity reference)


class KG(DefinedNamespace):
    """Terms of ``ontology.ttl`` (tests check that the two agree)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    Entity: URIRef  # a named organization, place or person
    Organization: URIRef
    AdministrativeArea: URIRef  # GPE
    Location: URIRef  # LOC
    Person: URIRef
    gbCode: URIRef  # GB/T 2260 code (Wikidata P442)
    ReportedEvent: URIRef  # any event a sentence speaks of: asserted, planned or negated
    Event: URIRef  # an event the text asserts (sem:Event); its subclasses type only such events
    PlannedEvent: URIRef  # to come (将签约): typed by sem:eventType, not rdf:type
    NegatedEvent: URIRef  # did not happen (未签约)
    Signing: URIRef
    Unveiling: URIRef
    Cooperation: URIRef
    Hosting: URIRef
    Opening: URIRef
    Founding: URIRef
    MoveIn: URIRef
    Investment: URIRef
    Appointment: URIRef
    Meeting: URIRef
    Commission: URIRef
    Acquisition: URIRef
    agent: URIRef
    partner: URIRef
    theme: URIRef
    destination: URIRef
    representative: URIRef  # a person who signs, unveils or speaks for a party
    trigger: URIRef
    triggerPhrase: URIRef  # the nif:Phrase of an event's trigger in the article
    timeText: URIRef
    triggerWord: URIRef
    confidence: URIRef
    amount: URIRef  # money an event is about (schema:MonetaryAmount)
    Position: URIRef
    holder: URIRef
    organization: URIRef
    jurisdiction: URIRef
    Sentence: URIRef
    sourceFile: URIRef
    dateline: URIRef
    caption: URIRef


ENTITY_CLASS = {"ORG": KG.Organization, "GPE": KG.AdministrativeArea, "LOC": KG.Location, "PERSON": KG.Person}
ENTITY_PATH = {"ORG": "org", "GPE": "place", "LOC": "location", "PERSON": "person"}
#: The class of an event the text does not assert, by its modality (an asserted one has its own class).
MODALITY_CLASS = {"planned": KG.PlannedEvent, "negated": KG.NegatedEvent}
