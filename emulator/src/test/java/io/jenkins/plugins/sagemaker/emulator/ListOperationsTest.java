package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/** ListTrainingJobs and ListTags over five jobs created 10 s apart; "beta-stopped" is stopped, the others run. */
class ListOperationsTest {

    private static SageMakerEmulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void createJobs() {
        ManualClock clock = EmulatorClock.manual(Instant.parse("2025-03-01T10:00:00Z"));
        emulator = SageMakerEmulator.start(EmulatorConfig.builder().clock(clock).build());
        clients = new AwsClients(emulator);
        for (String name : List.of("alpha-1", "beta-stopped", "alpha-2", "gamma", "alpha-3")) {
            clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob(name)
                    .tags(Tag.builder().key("project").value(name).build(), Tag.builder().key("team").value("ml").build())
                    .build());
            clock.advance(Duration.ofSeconds(10));
        }
        clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("beta-stopped"));
        clock.advance(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void defaultOrderIsCreationTime() {
        ListTrainingJobsResponse response = clients.sageMaker.listTrainingJobs(request -> { });

        assertThat(names(response)).containsExactly("alpha-1", "beta-stopped", "alpha-2", "gamma", "alpha-3");
        assertThat(response.trainingJobSummaries().get(0).creationTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void pagesFollowNextToken() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String nextToken = token;
            ListTrainingJobsResponse page = clients.sageMaker.listTrainingJobs(request -> request.maxResults(2).nextToken(nextToken));
            names.addAll(names(page));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("alpha-1", "beta-stopped", "alpha-2", "gamma", "alpha-3");
    }

    @Test
    void filtersAndSortingApply() {
        assertThat(names(clients.sageMaker.listTrainingJobs(request -> request.nameContains("ALPHA").sortBy("Name").sortOrder("Descending"))))
                .containsExactly("alpha-3", "alpha-2", "alpha-1");
        assertThat(names(clients.sageMaker.listTrainingJobs(request -> request.statusEquals(TrainingJobStatus.STOPPED))))
                .containsExactly("beta-stopped");
        assertThat(names(clients.sageMaker.listTrainingJobs(request -> request
                .creationTimeAfter(Instant.parse("2025-03-01T10:00:15Z")).creationTimeBefore(Instant.parse("2025-03-01T10:00:35Z")))))
                .containsExactly("alpha-2", "gamma");
    }

    @Test
    void summaryCarriesStatus() {
        TrainingJobSummary stopped = clients.sageMaker.listTrainingJobs(request -> request.nameContains("beta"))
                .trainingJobSummaries().get(0);

        assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stopped.secondaryStatusAsString()).isEqualTo("Stopped");
        assertThat(stopped.trainingJobArn()).isEqualTo("arn:aws:sagemaker:us-east-2:123456789012:training-job/beta-stopped");
        assertThat(stopped.trainingEndTime()).isEqualTo(Instant.parse("2025-03-01T10:01:00Z"));
    }

    @Test
    void invalidMaxResultsIsRejected() {
        assertThatThrownBy(() -> clients.sageMaker.listTrainingJobs(request -> request.maxResults(101)))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).contains("maxResults"));
    }

    @Test
    void listTagsReturnsJobTags() {
        ListTagsResponse tags = clients.sageMaker.listTags(request -> request
                .resourceArn("arn:aws:sagemaker:us-east-2:123456789012:training-job/gamma"));

        assertThat(tags.tags()).containsExactly(Tag.builder().key("project").value("gamma").build(),
                Tag.builder().key("team").value("ml").build());
    }

    @Test
    void listTagsOfUnknownArnIsRejected() {
        assertThatThrownBy(() -> clients.sageMaker.listTags(request -> request
                .resourceArn("arn:aws:sagemaker:us-east-2:123456789012:training-job/missing")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found.");
                });
    }

    private static List<String> names(ListTrainingJobsResponse response) {
        return response.trainingJobSummaries().stream().map(TrainingJobSummary::trainingJobName).toList();
    }
}
