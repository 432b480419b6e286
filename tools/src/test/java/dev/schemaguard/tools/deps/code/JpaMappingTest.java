package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JPA mappings beyond @Table and @Column: where each inheritance strategy and association puts its columns. */
class JpaMappingTest {

    @TempDir
    Path root;

    private CodeIndex scan(String... classes) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (String source : classes) {
            String name = source.replaceAll("(?s).*?(?:class|interface) (\\w+).*", "$1");
            Files.writeString(
                    root.resolve(name + ".java"), "import jakarta.persistence.*;\nimport java.util.*;\n" + source);
        }
        return CodeIndex.scan(List.of(root), CodeIndexCache.none());
    }

    private static List<String> sites(CodeIndex index, String target) {
        return index.sitesFor(DependencyTarget.parse(target)).stream()
                .map(s -> Path.of(s.file()).getFileName() + ":" + s.line() + " " + s.evidence())
                .toList();
    }

    /** An annotated method's site is the line its query text starts on, not the first annotation above it. */
    @Test
    void aQuerySitePointsAtItsTextNotAtTheAnnotationsAboveIt() throws IOException {
        CodeIndex index = scan("""
                @Entity @Table(name = "customers") class Customer { @Id Long id; String country; }""", """
                interface CustomerRepository extends org.springframework.data.jpa.repository.JpaRepository<Customer, Long> {
                    @Deprecated
                    @Query(value = \"""
                            SELECT id FROM customers
                            WHERE country = :country\""", nativeQuery = true)
                    List<Object[]> namesIn(String country);

                    @Deprecated
                    @Query("SELECT c FROM Customer c WHERE c.country = :country")
                    List<Customer> inCountry(String country);

                    @Deprecated
                    List<Customer> findByCountry(String country);
                }""", """
                interface CustomerMapper {
                    @Deprecated
                    @org.apache.ibatis.annotations.Select(
                        "SELECT country FROM customers WHERE id = #{id}")
                    String country(long id);
                }""");
        // line numbers count the two import lines the fixture puts before each class
        assertThat(sites(index, "public.customers.country"))
                .extracting(s -> s.substring(0, s.indexOf(' ')))
                .contains(
                        "CustomerRepository.java:5",
                        "CustomerRepository.java:11",
                        "CustomerRepository.java:15",
                        "CustomerMapper.java:6");
    }

    @Test
    void joinedSubclassesHaveTheirOwnTableAndInheritTheParentsColumnsThere() throws IOException {
        CodeIndex index = scan(
                "@Entity @Inheritance(strategy = InheritanceType.JOINED)\nclass Payment {\n  @Id Long id;\n  long amountCents;\n}",
                "@Entity\nclass CardPayment extends Payment {\n  String cardLast4;\n}",
                "interface CardPaymentRepository extends JpaRepository<CardPayment, Long> {\n  List<CardPayment> findByAmountCents(long a);\n}");
        assertThat(sites(index, "public.card_payment.card_last4"))
                .containsExactly("CardPayment.java:5 CardPayment.cardLast4");
        assertThat(sites(index, "public.card_payment.amount_cents"))
                .as("joined: the parent's column stays in the parent's table")
                .isEmpty();
        assertThat(sites(index, "public.payment.amount_cents"))
                .containsExactly(
                        "CardPaymentRepository.java:4 findByAmountCents", "Payment.java:6 Payment.amountCents");
        assertThat(sites(index, "public.payment.dtype"))
                .as("no discriminator for joined tables")
                .isEmpty();
    }

    @Test
    void tablePerClassCopiesInheritedColumnsIntoEachTable() throws IOException {
        CodeIndex index = scan(
                "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)\nabstract class Animal {\n  @Id Long id;\n  String name;\n}",
                "@Entity @Table(name = \"dogs\")\nclass Dog extends Animal {\n  boolean goodBoy;\n}");
        assertThat(sites(index, "public.dogs.name")).containsExactly("Dog.java:3 Dog.name");
        assertThat(sites(index, "public.dogs.good_boy")).containsExactly("Dog.java:5 Dog.goodBoy");
        assertThat(sites(index, "public.animal.name")).containsExactly("Animal.java:6 Animal.name");
    }

    @Test
    void singleTableIsTheDefaultWithADtypeDiscriminator() throws IOException {
        CodeIndex index = scan(
                "@Entity\nclass Vehicle {\n  @Id Long id;\n}",
                "@Entity\nclass Truck extends Vehicle {\n  int axles;\n}");
        assertThat(sites(index, "public.vehicle.axles")).containsExactly("Truck.java:5 Truck.axles");
        assertThat(sites(index, "public.vehicle.dtype")).containsExactly("Vehicle.java:3 @DiscriminatorColumn dtype");
        assertThat(sites(index, "public.truck")).isEmpty();
    }

    @Test
    void joinTablesNamedOrDefaultedAndMappedBySidesSkipped() throws IOException {
        CodeIndex index = scan(
                "@Entity\nclass Post {\n  @Id Long id;\n  @ManyToMany\n  @JoinTable(name = \"post_tags\", joinColumns = @JoinColumn(name = \"post_id\"),"
                        + " inverseJoinColumns = @JoinColumn(name = \"tag_id\"))\n  Set<Tag> tags;\n  @ManyToMany\n  Set<Author> authors;\n}",
                "@Entity\nclass Tag {\n  @Id Long id;\n  @ManyToMany(mappedBy = \"tags\")\n  Set<Post> posts;\n}",
                "@Entity @Table(name = \"authors\")\nclass Author {\n  @Id Long id;\n  @OneToMany(mappedBy = \"author\")\n  List<Post> posts;\n}");
        assertThat(sites(index, "public.post_tags")).containsExactly("Post.java:8 Post.tags");
        assertThat(sites(index, "public.post_tags.tag_id")).containsExactly("Post.java:8 Post.tags");
        assertThat(sites(index, "public.post_authors"))
                .as("the default join table: owner table _ target table")
                .containsExactly("Post.java:10 Post.authors");
        assertThat(sites(index, "public.tag.posts")).isEmpty();
        assertThat(sites(index, "public.authors.posts")).isEmpty();
    }

    @Test
    void attributeOverridesRenameEmbeddedColumnsAndElementCollectionsDefaultTheirTable() throws IOException {
        CodeIndex index = scan(
                "@Embeddable\nclass Money {\n  long cents;\n  String currency;\n}",
                "@Entity @Table(name = \"invoices\")\nclass Invoice {\n  @Id Long id;\n"
                        + "  @AttributeOverride(name = \"cents\", column = @Column(name = \"total_cents\"))\n  Money total;\n"
                        + "  @ElementCollection\n  List<String> notes;\n}");
        assertThat(sites(index, "public.invoices.total_cents"))
                .as("an embeddable's type makes the field embedded without @Embedded")
                .containsExactly("Invoice.java:7 Invoice.total.cents");
        assertThat(sites(index, "public.invoices.currency")).containsExactly("Invoice.java:7 Invoice.total.currency");
        assertThat(sites(index, "public.invoice_notes")).containsExactly("Invoice.java:9 Invoice.notes");
        assertThat(sites(index, "public.invoice_notes.notes")).containsExactly("Invoice.java:9 Invoice.notes");
    }
}
