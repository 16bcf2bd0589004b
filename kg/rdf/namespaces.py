"""kg's vocabulary as a closed namespace (a typo fails at once) and the other vocabularies it uses."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
DEFAULT_BASE = "https://w3id.org/kg-news/id/"

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


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
    Event: URIRef
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
    timeText: URIRef
    triggerWord: URIRef
    confidence: URIRef
    modality: URIRef
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
