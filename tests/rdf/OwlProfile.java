// Lists what keeps an ontology (with its data) out of OWL 2 DL, by the OWL API's own profile checker.
// tests/rdf/test_reasoner.py runs it as a single-file program against the OWL API inside owlready2's
// HermiT.jar: java -cp HermiT.jar OwlProfile.java FILE... (one violation a line, then "violations: N").

import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology merged = manager.createOntology(IRI.create("urn:kg:profile-check"));
        for (String path : args) {
            OWLOntology part = manager.loadOntologyFromOntologyDocument(new File(path));
            manager.addAxioms(merged, part.getAxioms());
        }
        OWLProfileReport report = new OWL2DLProfile().checkOntology(merged);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println(violation.toString().replace('\n', ' '));
        }
        System.out.println("violations: " + report.getViolations().size());
    }
}
