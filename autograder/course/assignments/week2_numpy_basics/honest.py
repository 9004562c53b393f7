"""week2_numpy_basics: correct answers written independently of the reference, in other styles (what they are
for: autograder.course.registry)."""

ANSWERS = {
    "basic_sigmoid": ['''
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
''', '''
def basic_sigmoid(x):
    denominator = 1.0 + math.exp(-x)
    return 1.0 / denominator
'''],
    "sigmoid": ['''
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s
''', '''
def sigmoid(x):
    return np.reciprocal(1.0 + np.exp(np.negative(x)))
'''],
    "sigmoid_derivative": ['''
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    ds = s * (1 - s)
    return ds
''', '''
def sigmoid_derivative(x):
    value = sigmoid(x)
    return np.multiply(value, 1.0 - value)
'''],
    "image2vector": ['''
def image2vector(image):
    v = image.reshape((image.shape[0] * image.shape[1] * image.shape[2], 1))
    return v
''', '''
def image2vector(image):
    length, height, depth = image.shape
    return np.reshape(image, (length * height * depth, 1))
''', '''
def image2vector(image):
    return image.reshape(-1, 1)
'''],
    "normalize_rows": ['''
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / x_norm
    return x
''', '''
def normalize_rows(x):
    lengths = np.sqrt(np.sum(np.square(x), axis=1)).reshape(-1, 1)
    return np.divide(x, lengths)
'''],
    "softmax": ['''
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
''', '''
def softmax(x):
    exps = np.exp(x)
    totals = exps.sum(axis=1).reshape(x.shape[0], 1)
    return exps / totals
'''],
    "L1": ['''
def L1(yhat, y):
    loss = np.sum(np.abs(yhat - y))
    return loss
''', '''
def L1(yhat, y):
    total = 0
    for predicted, actual in zip(yhat, y):
        total += abs(actual - predicted)
    return total
'''],
    "L2": ['''
def L2(yhat, y):
    loss = np.sum((y - yhat) ** 2)
    return loss
''', '''
def L2(yhat, y):
    difference = yhat - y
    return float(np.sum(np.multiply(difference, difference)))
'''],
}
