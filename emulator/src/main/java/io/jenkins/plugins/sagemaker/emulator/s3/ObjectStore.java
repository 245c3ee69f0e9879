package io.jenkins.plugins.sagemaker.emulator.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The emulator's S3: an embedded S3Proxy over an in-memory ("transient") blob store that checks
 * Signature V2/V4 with the emulator's static credentials. The emulator itself reads and writes it over
 * HTTP like any S3 client, because S3Proxy's Java blob store interface is written in AWS SDK types,
 * which the emulator's main code does not use.
 */
public final class ObjectStore implements AutoCloseable {

    /** Result of a ListObjectsV2 call under a prefix. */
    public enum PrefixState {
        BUCKET_MISSING, EMPTY, HAS_OBJECTS
    }

    private static final int REQUEST_TIMEOUT_MILLIS = 30_000;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final SigV4Signer signer;
    private final LoopbackHttp http;

    private ObjectStore(S3Proxy proxy, URI endpoint, SigV4Signer signer) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.signer = signer;
        this.http = new LoopbackHttp(endpoint.getHost(), endpoint.getPort(), REQUEST_TIMEOUT_MILLIS);
    }

    /** Starts S3Proxy on host:port (0 picks a free port) with path-style addressing. */
    public static ObjectStore start(String host, int port, String region, String accessKeyId, String secretAccessKey) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy failed to start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + host + ":" + proxy.getPort());
        return new ObjectStore(proxy, endpoint, new SigV4Signer(accessKeyId, secretAccessKey, region));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket; an existing bucket owned by the emulator's credentials is left as it is. */
    public void createBucket(String bucket) {
        LoopbackHttp.Response response = send("PUT", "/" + encodePath(bucket), Map.of(), new byte[0]);
        if (response.statusCode() != 200 && !response.bodyText().contains("BucketAlreadyOwnedByYou")) {
            throw failure("CreateBucket", bucket, response);
        }
    }

    public void putObject(String bucket, String key, byte[] content) {
        LoopbackHttp.Response response = send("PUT", "/" + encodePath(bucket) + "/" + encodePath(key), Map.of(), content);
        if (response.statusCode() != 200) {
            throw failure("PutObject", bucket + "/" + key, response);
        }
    }

    /** Returns the object's content, or empty when the bucket or the key does not exist. */
    public Optional<byte[]> getObject(String bucket, String key) {
        LoopbackHttp.Response response = send("GET", "/" + encodePath(bucket) + "/" + encodePath(key), Map.of(), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure("GetObject", bucket + "/" + key, response);
        }
        return Optional.of(response.body());
    }

    /** Lists at most one key under the prefix to tell a missing bucket, an empty prefix and a prefix with objects apart. */
    public PrefixState inspectPrefix(String bucket, String prefix) {
        Map<String, String> query = new TreeMap<>();
        query.put("list-type", "2");
        query.put("max-keys", "1");
        query.put("prefix", prefix);
        LoopbackHttp.Response response = send("GET", "/" + encodePath(bucket), query, null);
        if (response.statusCode() == 404) {
            return PrefixState.BUCKET_MISSING;
        }
        if (response.statusCode() != 200) {
            throw failure("ListObjectsV2", bucket + "/" + prefix, response);
        }
        Document listing = parseXml(response.body());
        return listing.getElementsByTagName("Key").getLength() > 0 ? PrefixState.HAS_OBJECTS : PrefixState.EMPTY;
    }

    public boolean bucketExists(String bucket) {
        LoopbackHttp.Response response = send("HEAD", "/" + encodePath(bucket), Map.of(), null);
        return response.statusCode() == 200;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy failed to stop: " + e.getMessage(), e);
        }
    }

    private LoopbackHttp.Response send(String method, String path, Map<String, String> query, byte[] payload) {
        String canonicalQuery = query.entrySet().stream()
                .map(entry -> SigV4Signer.uriEncode(entry.getKey(), false) + "=" + SigV4Signer.uriEncode(entry.getValue(), false))
                .collect(Collectors.joining("&"));
        byte[] body = payload == null ? new byte[0] : payload;
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        Map<String, String> headers = signer.sign(method, path, canonicalQuery, host, body, Instant.now());
        String pathAndQuery = path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery);
        try {
            return http.send(method, pathAndQuery, headers, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + endpoint + pathAndQuery + " to the embedded S3Proxy failed: " + e.getMessage(), e);
        }
    }

    private static String encodePath(String value) {
        return SigV4Signer.uriEncode(value, true);
    }

    private static IllegalStateException failure(String operation, String target, LoopbackHttp.Response response) {
        return new IllegalStateException(operation + " on " + target + " in the embedded S3Proxy failed with HTTP "
                + response.statusCode() + ": " + response.bodyText());
    }

    private static Document parseXml(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("S3Proxy returned a ListObjectsV2 response that is not valid XML: " + e.getMessage(), e);
        }
    }
}
